package org.errata.evidence;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which addresses Errata may fetch from: public unicast addresses of the internet, and nothing
 * else. Refused are every IANA special-purpose range of IPv4 and IPv6 (private, loopback,
 * link-local and cloud metadata, carrier-grade NAT, documentation, benchmarking, multicast,
 * reserved), IPv4 hidden inside IPv6 (mapped, compatible, NAT64, 6to4 and Teredo) when the IPv4
 * address is refused, and every address of this machine's own network interfaces, whatever its
 * range.
 */
public final class PublicAddresses {

  private PublicAddresses() {}

  /** IPv4 ranges that are not the public internet: {first octets..., prefix length}. */
  private static final List<int[]> V4 =
      List.of(
          new int[] {0, 0, 0, 0, 8}, // "this network"
          new int[] {10, 0, 0, 0, 8}, // private
          new int[] {100, 64, 0, 0, 10}, // carrier-grade NAT
          new int[] {127, 0, 0, 0, 8}, // loopback
          new int[] {169, 254, 0, 0, 16}, // link-local, cloud metadata
          new int[] {172, 16, 0, 0, 12}, // private
          new int[] {192, 0, 0, 0, 24}, // IETF protocol assignments
          new int[] {192, 0, 2, 0, 24}, // documentation (TEST-NET-1)
          new int[] {192, 31, 196, 0, 24}, // AS112
          new int[] {192, 52, 193, 0, 24}, // AMT
          new int[] {192, 88, 99, 0, 24}, // 6to4 relay anycast
          new int[] {192, 168, 0, 0, 16}, // private
          new int[] {192, 175, 48, 0, 24}, // AS112 direct delegation
          new int[] {198, 18, 0, 0, 15}, // benchmarking
          new int[] {198, 51, 100, 0, 24}, // documentation (TEST-NET-2)
          new int[] {203, 0, 113, 0, 24}, // documentation (TEST-NET-3)
          new int[] {224, 0, 0, 0, 4}, // multicast
          new int[] {240, 0, 0, 0, 4}); // reserved, and the broadcast address

  /** Whether Errata may connect to {@code address}. */
  public static boolean isPublic(InetAddress address) {
    return !isSpecial(address) && !ownAddresses().contains(address);
  }

  /** In a special-purpose range (whatever this machine's own addresses are). */
  public static boolean isSpecial(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isSpecialV4(b, 0);
    }
    if (address instanceof Inet6Address) {
      return isSpecialV6(b);
    }
    return true;
  }

  private static boolean isSpecialV4(byte[] b, int at) {
    long value =
        ((b[at] & 0xFFL) << 24)
            | ((b[at + 1] & 0xFFL) << 16)
            | ((b[at + 2] & 0xFFL) << 8)
            | (b[at + 3] & 0xFFL);
    for (int[] range : V4) {
      long base = ((long) range[0] << 24) | (range[1] << 16) | (range[2] << 8) | range[3];
      int prefix = range[4];
      long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
      if ((value & mask) == (base & mask)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpecialV6(byte[] b) {
    int first = b[0] & 0xFF;
    int second = b[1] & 0xFF;
    // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d (:: and ::1 included): the IPv4
    // rules.
    if (allZero(b, 0, 10)
        && (((b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) || allZero(b, 10, 12))) {
      return allZero(b, 10, 12) && allZero(b, 12, 15) ? true : isSpecialV4(b, 12);
    }
    // NAT64 64:ff9b::a.b.c.d: the IPv4 rules; the local-use 64:ff9b:1::/48 is refused.
    if (first == 0x00 && second == 0x64 && (b[2] & 0xFF) == 0xff && (b[3] & 0xFF) == 0x9b) {
      return !allZero(b, 4, 12) || isSpecialV4(b, 12);
    }
    // 6to4 2002:a.b.c.d::/48: the IPv4 rules.
    if (first == 0x20 && second == 0x02) {
      return isSpecialV4(b, 2);
    }
    // Only global unicast 2000::/3 is the internet.
    if ((first & 0xE0) != 0x20) {
      return true;
    }
    // 2001::/23 IETF assignments (Teredo 2001::/32 among them) and 2001:db8::/32 documentation.
    if (first == 0x20
        && second == 0x01
        && ((b[2] & 0xFE) == 0x00 || ((b[2] & 0xFF) == 0x0d && (b[3] & 0xFF) == 0xb8))) {
      return true;
    }
    // 2620:4f:8000::/48 AS112.
    if (first == 0x26
        && second == 0x20
        && b[2] == 0
        && (b[3] & 0xFF) == 0x4f
        && (b[4] & 0xFF) == 0x80
        && b[5] == 0) {
      return true;
    }
    // 3fff::/20 documentation.
    return first == 0x3f && second == 0xff && (b[2] & 0xF0) == 0;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static volatile Set<InetAddress> own;
  private static volatile long ownRead;

  /** This machine's own addresses, read again at most once a minute. */
  static Set<InetAddress> ownAddresses() {
    long now = System.nanoTime();
    Set<InetAddress> known = own;
    if (known == null || now - ownRead > 60_000_000_000L) {
      Set<InetAddress> found = new HashSet<>();
      try {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InetAddress a : Collections.list(ni.getInetAddresses())) {
            found.add(a instanceof Inet6Address v6 && v6.getScopeId() != 0 ? withoutScope(v6) : a);
          }
        }
      } catch (SocketException e) {
        // Without the list, the special ranges still hold.
      }
      known = Set.copyOf(found);
      own = known;
      ownRead = now;
    }
    return known;
  }

  private static InetAddress withoutScope(Inet6Address a) {
    try {
      return InetAddress.getByAddress(a.getAddress());
    } catch (UnknownHostException e) {
      return a;
    }
  }
}
