package io.tributary.connect.plugins;

/** Exists on the worker's class path; a test plugin bundles a different class of the same name. */
public class ProbeOnParent {
    public static String origin() {
        return "parent";
    }
}
