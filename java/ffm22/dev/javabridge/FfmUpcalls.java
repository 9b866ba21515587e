package dev.javabridge;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.reflect.Method;
import java.util.List;

/**
 * FFM upcall stubs for libjavabridge's jb_method_upcall (include/javabridge/upcall.h), JDK 22+.
 *
 * <p>libjavabridge defines this class itself from bytes compiled into it (so a C program's own class path
 * need not hold the jar) and registers the two natives. An FFM upcall that throws ends the JVM, so every
 * stub's target catches any Throwable and hands it to {@link #failed}, which records it as the calling
 * thread's last error, and returns zero. The target sits behind a MutableCallSite so that freeing the
 * jb_method can point the stub at {@link #refused} instead of releasing its code: a C caller still holding
 * the pointer then gets an error, never a jump into freed memory.
 */
final class FfmUpcalls {
    private static final MethodHandle FAILED;
    private static final MethodHandle REFUSED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            FAILED = l.findStatic(FfmUpcalls.class, "failed", MethodType.methodType(void.class, String.class, Throwable.class));
            REFUSED = l.findStatic(FfmUpcalls.class, "refused", MethodType.methodType(void.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Records t as this thread's last error (JB_EJAVA) and raises the thread's upcall flag. */
    private static native void failed(String what, Throwable t);

    /** Records a call through a freed jb_method's pointer (JB_EHANDLE) and raises the flag. */
    private static native void refused(String what);

    /** One stub: its code address for C, and the call site that freeing retargets. */
    final long address;
    private final MutableCallSite site;
    private final String what;

    private FfmUpcalls(long address, MutableCallSite site, String what) {
        this.address = address;
        this.site = site;
        this.what = what;
    }

    /** Makes the stub of static method m (primitive parameters and result); what names it in errors. */
    static FfmUpcalls make(Method m, String what) throws IllegalAccessException {
        m.setAccessible(true);
        MethodHandle target = MethodHandles.lookup().unreflect(m);
        MethodType type = target.type();
        MethodHandle handler = MethodHandles.collectArguments(
                MethodHandles.zero(type.returnType()), 0, MethodHandles.insertArguments(FAILED, 0, what));
        MethodHandle guarded = MethodHandles.catchException(target, Throwable.class,
                MethodHandles.dropArguments(handler, 1, type.parameterList()));
        MutableCallSite site = new MutableCallSite(guarded);
        // Never closed: the code must outlive every C caller's copy of its address (see retire).
        MemorySegment stub = Linker.nativeLinker().upcallStub(site.dynamicInvoker(), descriptor(type), Arena.global());
        return new FfmUpcalls(stub.address(), site, what);
    }

    /**
     * Whether upcallStub runs here without the JDK's restricted-method warning, which it prints (once, on
     * stderr) unless native access was enabled for this class's module: the @CExport runtime takes the FFM
     * path only then, so that generated code never makes a program print what it did not before.
     */
    static boolean nativeAccess() {
        return FfmUpcalls.class.getModule().isNativeAccessEnabled();
    }

    /** After jb_method_free: later calls are refused; the user's class is no longer reachable from the stub. */
    static void retire(FfmUpcalls s) {
        MethodType type = s.site.type();
        MethodHandle refuse = MethodHandles.collectArguments(
                MethodHandles.zero(type.returnType()), 0, MethodHandles.insertArguments(REFUSED, 0, s.what));
        s.site.setTarget(MethodHandles.dropArguments(refuse, 0, type.parameterList()));
        MutableCallSite.syncAll(new MutableCallSite[] {s.site});
    }

    private static FunctionDescriptor descriptor(MethodType type) {
        List<Class<?>> params = type.parameterList();
        MemoryLayout[] args = new MemoryLayout[params.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = layout(params.get(i));
        }
        return type.returnType() == void.class ? FunctionDescriptor.ofVoid(args)
                : FunctionDescriptor.of(layout(type.returnType()), args);
    }

    private static MemoryLayout layout(Class<?> c) {
        if (c == int.class) return ValueLayout.JAVA_INT;
        if (c == long.class) return ValueLayout.JAVA_LONG;
        if (c == double.class) return ValueLayout.JAVA_DOUBLE;
        if (c == float.class) return ValueLayout.JAVA_FLOAT;
        if (c == boolean.class) return ValueLayout.JAVA_BOOLEAN;
        if (c == byte.class) return ValueLayout.JAVA_BYTE;
        if (c == short.class) return ValueLayout.JAVA_SHORT;
        if (c == char.class) return ValueLayout.JAVA_CHAR;
        throw new IllegalArgumentException("not a primitive type: " + c);
    }
}
