// issue 13 items 7 and 10: lookups that must be refused, with the codes method.h promises.
#include "capi_fixture.h"

#include <string>

using namespace jbtest;

namespace {
int find_instance_rc(const char *cls, const char *name, const char *sig) {
    jb_method *m = nullptr;
    int rc = jb_method_find_instance(cls, name, sig, &m);
    jb_method_free(m);
    return rc;
}
int find_static_rc(const char *cls, const char *name, const char *sig) {
    jb_method *m = nullptr;
    int rc = jb_method_find_static(cls, name, sig, &m);
    jb_method_free(m);
    return rc;
}
int find_constructor_rc(const char *cls, const char *sig) {
    jb_method *m = nullptr;
    int rc = jb_method_find_constructor(cls, sig, &m);
    jb_method_free(m);
    return rc;
}
}  // namespace

class Integrity : public WithVm {};

// Called as an instance method, String.<init>(String) rewrites a live (even interned) string.
TEST_F(Integrity, ConstructorIsNotAnInstanceMethod) {
    EXPECT_EQ(find_instance_rc("java.lang.String", "<init>", "(Ljava/lang/String;)V"), JB_EMETHOD);
    EXPECT_NE(std::string(jb_error_message()).find("jb_method_find_constructor"), std::string::npos)
        << jb_error_message();
    EXPECT_EQ(find_instance_rc("java.lang.Object", "<init>", "()V"), JB_EMETHOD);
    EXPECT_EQ(find_static_rc("java.lang.String", "<init>", "()V"), JB_EMETHOD);
}

// <clinit> would re-run a static initialiser.
TEST_F(Integrity, StaticInitialiserIsNotAStaticMethod) {
    EXPECT_EQ(find_static_rc(kTarget, "<clinit>", "()V"), JB_EMETHOD);
    EXPECT_EQ(find_instance_rc(kTarget, "<clinit>", "()V"), JB_EMETHOD);
    EXPECT_EQ(find_static_rc("java.lang.Integer", "<clinit>", "()V"), JB_EMETHOD);
}

// The constructor itself is still found the proper way.
TEST_F(Integrity, ConstructorFoundThroughFindConstructor) {
    EXPECT_EQ(find_constructor_rc("java.lang.String", "(Ljava/lang/String;)V"), JB_OK) << jb_error_message();
    EXPECT_EQ(find_constructor_rc("java.lang.StringBuilder", "()V"), JB_OK) << jb_error_message();
}

// method.h: JB_ECLASS if the class is abstract or an interface (not JB_OK and an
// InstantiationException at call time, nor JB_EMETHOD).
TEST_F(Integrity, AbstractClassAndInterfaceHaveNoConstructor) {
    EXPECT_EQ(find_constructor_rc("java.util.AbstractList", "()V"), JB_ECLASS);
    EXPECT_NE(std::string(jb_error_message()).find("abstract"), std::string::npos) << jb_error_message();
    EXPECT_EQ(find_constructor_rc("java.lang.Runnable", "()V"), JB_ECLASS);
    EXPECT_NE(std::string(jb_error_message()).find("interface"), std::string::npos) << jb_error_message();
    EXPECT_EQ(find_constructor_rc("java.lang.Number", "()V"), JB_ECLASS);
    EXPECT_EQ(find_constructor_rc("[I", "()V"), JB_ECLASS);
    EXPECT_EQ(find_constructor_rc("java.lang.NoSuchClassAnywhere", "()V"), JB_ECLASS);
    EXPECT_EQ(find_constructor_rc("java.lang.StringBuilder", "(Ljava/util/List;)V"), JB_EMETHOD);
}
