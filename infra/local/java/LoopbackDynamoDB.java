import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;

/**
 * Starts Amazon's DynamoDB Local listening on 127.0.0.1 only.
 *
 * DynamoDB Local has no option for the address it listens on: its DynamoDBProxyServer builds a
 * Jetty {@code new Server(port)}, whose connector binds every interface. This launcher builds the
 * server exactly as DynamoDB Local's own main does
 * ({@code ServerRunner.createServerFromCommandLineArgs}, same arguments), sets the host of every
 * Jetty connector to 127.0.0.1 before anything is bound, starts Jetty, and checks that every
 * connector is bound to 127.0.0.1. When any step fails it exits with status 3 and binds nothing:
 * it never falls back to listening on every interface. It starts Jetty directly, so DynamoDB
 * Local's start-up telemetry (AWS Pinpoint) is never configured nor sent.
 *
 * With {@code -Dloopback.exitWithParent=true} it also exits when its standard input closes, so
 * a DynamoDB Local never outlives the Node process that started it (even one killed by SIGKILL).
 *
 * It uses reflection only, so it compiles without DynamoDB Local on the class path and is run
 * with it: {@code java -cp infra/local/java:DynamoDBLocal.jar LoopbackDynamoDB -port N ...}.
 *
 * The compiled LoopbackDynamoDB.class beside this file is committed, so a machine with only a
 * Java 17 runtime (no javac) runs it. After editing this file, rebuild it with any JDK >= 17:
 *
 *   javac --release 17 -d infra/local/java infra/local/java/LoopbackDynamoDB.java
 *
 * (test/integration/local-mode.test.ts checks that the committed class matches this source
 * wherever javac 17 is installed.)
 */
public final class LoopbackDynamoDB {
  static final String HOST = "127.0.0.1";

  public static void main(String[] args) {
    if (Boolean.getBoolean("loopback.exitWithParent")) exitWhenStdinCloses();
    try {
      Object proxy = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner")
          .getMethod("createServerFromCommandLineArgs", String[].class)
          .invoke(null, (Object) args);
      if (proxy == null) fail("DynamoDB Local built no server from " + String.join(" ", args), null);
      Object jetty = jettyServer(proxy);
      Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
      if (connectors.length == 0) fail("DynamoDB Local's Jetty server has no connector", null);
      for (Object connector : connectors) {
        connector.getClass().getMethod("setHost", String.class).invoke(connector, HOST);
      }
      try {
        jetty.getClass().getMethod("start").invoke(jetty);
      } catch (InvocationTargetException e) {
        fail("DynamoDB Local could not listen on " + HOST + ": " + e.getCause().getMessage(), e.getCause());
      }
      StringBuilder bound = new StringBuilder();
      for (Object connector : connectors) {
        Object host = connector.getClass().getMethod("getHost").invoke(connector);
        Object port = connector.getClass().getMethod("getLocalPort").invoke(connector);
        if (!HOST.equals(host) || !(port instanceof Integer) || (Integer) port <= 0) {
          jetty.getClass().getMethod("stop").invoke(jetty);
          fail("a DynamoDB Local connector is not bound to " + HOST + " (host " + host + ", port " + port + ")", null);
        }
        bound.append(bound.length() == 0 ? "" : " ").append("http://").append(HOST).append(':').append(port);
      }
      System.out.println("DynamoDB Local listening on " + bound + " only");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      fail("cannot start DynamoDB Local on " + HOST + " only (and will not listen on every interface instead): " + cause, cause);
    }
  }

  static void exitWhenStdinCloses() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // the parent writes nothing: wait for end of file
        }
      } catch (IOException e) {
        // a broken pipe means the parent is gone, too
      }
      System.exit(0);
    }, "exit-with-parent");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** DynamoDBProxyServer keeps its Jetty server in a private field: found by type, not by name. */
  static Object jettyServer(Object proxy) throws ReflectiveOperationException {
    for (Class<?> type = proxy.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType().getName().equals("org.eclipse.jetty.server.Server")) {
          field.setAccessible(true);
          Object server = field.get(proxy);
          if (server != null) return server;
        }
      }
    }
    fail("no Jetty server found in " + proxy.getClass().getName(), null);
    return null;
  }

  static void fail(String message, Throwable cause) {
    System.err.println("LoopbackDynamoDB: " + message);
    if (cause != null && System.getenv("KENES_DEBUG_DYNAMO") != null) cause.printStackTrace();
    System.exit(3);
  }
}
