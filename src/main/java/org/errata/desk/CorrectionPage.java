package org.errata.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.correction.CorrectionDesk;
import org.errata.evidence.Checking;
import org.jboss.resteasy.reactive.RestPath;

/** A correction's page on the desk. The actions on it are posted to the resources beside this. */
@Path("/editor/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class CorrectionPage {

  @Inject CorrectionDesk desk;
  @Inject Checking checking;
  @Inject Me me;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance page(PageView page);
  }

  @GET
  @Path("{id}")
  public TemplateInstance page(@RestPath long id) {
    return Templates.page(PageView.of(desk.find(id), me.account(), checking.canFetch()));
  }
}
