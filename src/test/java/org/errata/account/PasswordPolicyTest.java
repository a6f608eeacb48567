package org.errata.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Length 12 to 64, not common, not the user name, no composition rules. */
class PasswordPolicyTest {

  @Test
  void twelveToSixtyFourCharactersWithoutCompositionRules() {
    assertEquals(
        "The password must be at least 12 characters long.",
        Accounts.passwordProblem("elevenchars", "ada"));
    assertNull(
        Accounts.passwordProblem("twelve chars", "ada"), "spaces and lower case only are fine");
    assertNull(Accounts.passwordProblem("x".repeat(64), "ada"));
    assertEquals(
        "The password can be at most 64 characters long.",
        Accounts.passwordProblem("x".repeat(65), "ada"));
  }

  @Test
  void commonPasswordsAreRefusedWhateverTheirCase() {
    assertEquals(
        "That password is one of the most common ones; choose one nobody would guess.",
        Accounts.passwordProblem("Password1234", "ada"));
    assertEquals(
        "That password is one of the most common ones; choose one nobody would guess.",
        Accounts.passwordProblem("qwertyuiop123", "ada"));
  }

  @Test
  void thePasswordMayNotContainTheUserName() {
    assertEquals(
        "The password must not contain your user name.",
        Accounts.passwordProblem("grace-is-my-name", "grace"));
  }

  @Test
  void moreThanSeventyTwoBytesIsRefusedBecauseBcryptWouldCutIt() {
    assertEquals(
        "The password must be at most 72 bytes long (about 72 plain letters, fewer with accents or symbols).",
        Accounts.passwordProblem("é".repeat(40)));
  }
}
