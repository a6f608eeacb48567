package org.errata.system;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Every HTTP route Errata has, read from its compiled resource classes (not a list kept by hand),
 * so that a route added later is covered by the tests that walk them.
 */
public final class Routes {

  /** One route: its method, path template, the names it reads, and what it consumes. */
  public record Route(
      String method,
      String path,
      List<String> pathParams,
      List<String> queryParams,
      List<String> formParams,
      List<String> consumes,
      boolean hasBody) {

    public boolean isApi() {
      return path.equals("/api") || path.startsWith("/api/");
    }

    public boolean changesState() {
      return !method.equals("GET");
    }

    /** The path with each {param} replaced by {@code value}. */
    public String with(String value) {
      return path.replaceAll("\\{[^}]+}", value);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private Routes() {}

  public static List<Route> all() {
    List<Route> routes = new ArrayList<>();
    for (Class<?> type : resourceClasses()) {
      Path base = type.getAnnotation(Path.class);
      if (base == null) {
        continue;
      }
      for (Method m : type.getDeclaredMethods()) {
        String verb = verb(m);
        if (verb == null) {
          continue;
        }
        Path sub = m.getAnnotation(Path.class);
        String path = join(base.value(), sub == null ? "" : sub.value());
        List<String> pathParams = new ArrayList<>();
        List<String> query = new ArrayList<>();
        Set<String> form = new LinkedHashSet<>();
        boolean body = false;
        for (Parameter p : m.getParameters()) {
          if (p.isAnnotationPresent(RestPath.class)) {
            pathParams.add(name(p.getAnnotation(RestPath.class).value(), p));
          } else if (p.isAnnotationPresent(RestQuery.class)) {
            query.add(name(p.getAnnotation(RestQuery.class).value(), p));
          } else if (p.isAnnotationPresent(RestForm.class)) {
            form.add(name(p.getAnnotation(RestForm.class).value(), p));
          } else if (p.isAnnotationPresent(BeanParam.class)) {
            for (Field f : p.getType().getFields()) {
              RestForm rf = f.getAnnotation(RestForm.class);
              if (rf != null) {
                form.add(rf.value().isEmpty() ? f.getName() : rf.value());
              }
            }
          } else if (!hasContextAnnotation(p)) {
            body = true;
          }
        }
        Consumes consumes =
            m.getAnnotation(Consumes.class) != null
                ? m.getAnnotation(Consumes.class)
                : type.getAnnotation(Consumes.class);
        routes.add(
            new Route(
                verb,
                path,
                pathParams,
                query,
                List.copyOf(form),
                consumes == null ? List.of() : List.of(consumes.value()),
                body));
      }
    }
    routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
    return routes;
  }

  private static boolean hasContextAnnotation(Parameter p) {
    for (Annotation a : p.getAnnotations()) {
      String n = a.annotationType().getName();
      if (n.startsWith("jakarta.ws.rs.") || n.startsWith("org.jboss.resteasy.reactive.")) {
        return true;
      }
    }
    return false;
  }

  private static String name(String declared, Parameter p) {
    return declared == null || declared.isEmpty() ? p.getName() : declared;
  }

  private static String verb(Method m) {
    if (m.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (m.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (m.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    if (m.isAnnotationPresent(DELETE.class)) {
      return "DELETE";
    }
    if (m.isAnnotationPresent(PATCH.class)) {
      return "PATCH";
    }
    return null;
  }

  private static String join(String a, String b) {
    String path = ("/" + a + "/" + b).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** Errata's own compiled classes that could be resources. */
  private static List<Class<?>> resourceClasses() {
    java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
    List<Class<?>> found = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".class")).toList()) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (!name.startsWith("org.errata.") || name.contains("$$") || name.endsWith("_Subclass")) {
          continue;
        }
        try {
          found.add(Class.forName(name, false, Routes.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          // generated or not loadable here: not a resource of ours
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }
}
