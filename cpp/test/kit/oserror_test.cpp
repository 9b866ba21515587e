// The kit's errno capture and text (jnikit/oserror.h), compiled here with _GNU_SOURCE, as a
// user's build of the kit may be (the Maven plugin compiles the kit inside the user's project):
// glibc then declares its other strerror_r, which returns the text instead of filling the buffer.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "javabridge/jnikit/oserror.h"

namespace {

std::string text_of(int err) {
    jbk_os_error e{};
    e.err = err;
    char buf[JBK_OS_ERROR_TEXT_MAX];
    return jbk_os_error_text(e, buf, sizeof buf);
}

TEST(KitOsError, TheTextIsTheCLibrarysWhicheverStrerrorRItDeclares) {
    // strerror's own text (single-threaded here) is the independent oracle.
    for (int err : {ENOENT, ERANGE, EACCES}) {
        EXPECT_EQ(text_of(err), "errno " + std::to_string(err) + " (" + std::strerror(err) + ")");
    }
}

TEST(KitOsError, AnUnknownNumberStillGetsAText) {
    std::string t = text_of(98765);
    EXPECT_EQ(t.rfind("errno 98765 (", 0), 0u) << t;
    EXPECT_GT(t.size(), std::string("errno 98765 ()").size()) << t;
}

TEST(KitOsError, TakeSeesWhatTheCallLeftAndClearForgetsIt) {
    jbk_os_error_clear();
    errno = ERANGE;
    jbk_os_error e = jbk_os_error_take();
    EXPECT_EQ(e.err, ERANGE);
    EXPECT_TRUE(jbk_os_error_set(e));
    jbk_os_error_clear();
    EXPECT_FALSE(jbk_os_error_set(jbk_os_error_take()));
    char buf[JBK_OS_ERROR_TEXT_MAX];
    EXPECT_STREQ(jbk_os_error_text(jbk_os_error_take(), buf, sizeof buf), "no errno");
}

}  // namespace
