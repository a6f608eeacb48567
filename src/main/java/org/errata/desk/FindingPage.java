package org.errata.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.Finding;
import org.errata.correction.WorkflowRefusal;
import org.errata.web.Links;
import org.errata.web.Redirect;
import org.jboss.resteasy.reactive.RestPath;

/** A finding beside a live correction: the page then and now, and its dismissal. */
@Path("/editor/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class FindingPage {

  @Inject CorrectionDesk desk;
  @Inject Me me;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance finding(FindingView finding, String error);
  }

  @GET
  @Path("{id}/drift/{finding}")
  public TemplateInstance show(@RestPath long id, @RestPath long finding) {
    return Templates.finding(FindingView.of(find(id, finding)), null);
  }

  /** An editor looked at the change and dealt with it (or found it harmless). */
  @POST
  @Path("{id}/drift/{finding}/dismissal")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response dismiss(@RestPath long id, @RestPath long finding) {
    try {
      desk.dismissFinding(id, find(id, finding).id, me.account());
      return Redirect.seeOther(Links.desk());
    } catch (WorkflowRefusal e) {
      return Response.status(e.kind.status)
          .entity(Templates.finding(FindingView.of(find(id, finding)), e.getMessage()))
          .build();
    }
  }

  private static Finding find(long id, long finding) {
    Finding found = Finding.findById(finding);
    if (found == null || !found.correction.id.equals(id)) {
      throw new CorrectionDesk.NotFound(id);
    }
    return found;
  }
}
