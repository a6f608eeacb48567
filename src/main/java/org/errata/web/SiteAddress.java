package org.errata.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where readers reach this Errata ({@code errata.site-url}) and who publishes it ({@code
 * errata.organisation.name}): what every address and name in a feed, a sitemap or search engines'
 * markup is built from, never the Host header a client sent.
 */
@ApplicationScoped
public class SiteAddress {

  @ConfigProperty(name = "errata.site-url", defaultValue = "http://localhost:8080")
  String siteUrl;

  @ConfigProperty(name = "errata.organisation.name", defaultValue = "Errata")
  String organisation;

  /** The site's address without a trailing slash, such as {@code https://errata.example.org}. */
  public String base() {
    return siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
  }

  /** {@code path} (starting with /) as a full address. */
  public String at(String path) {
    return base() + path;
  }

  public String organisation() {
    return organisation;
  }
}
