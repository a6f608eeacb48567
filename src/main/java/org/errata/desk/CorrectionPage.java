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
import org.jboss.resteasy.reactive.RestQuery;

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
    static native TemplateInstance page(PageView page, boolean saved);
  }

  /** The query after saving an edit: the page then says the changes are saved. */
  static final String SAVED = "saved";

  @GET
  @Path("{id}")
  public TemplateInstance page(@RestPath long id, @RestQuery String saved) {
    return Templates.page(
        PageView.of(desk.find(id), me.account(), checking.canFetch()), saved != null);
  }
}
