package dev.javabridge.loadtest;

/** An interface only a jb_loader can see, implemented in C by the proxy tests (jb_proxy_new_in). */
public interface Shout {
    String shout(String s);

    static String use(Shout s, String text) { return s.shout(text); }
}
