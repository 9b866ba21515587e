// The handle table alone: forged, stale and wrong-kind handles are refused without being
// dereferenced, and a handle removed while in use is destroyed by its last user.
#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <thread>
#include <vector>

extern "C" {
#include "handles.h"
}

namespace {
std::atomic<int> destroyed{0};
void count_destroy(jbi_handle_kind, void *) { destroyed++; }

class Handles : public ::testing::Test {
  protected:
    void SetUp() override {
        jbi_handles_set_destroy(count_destroy);
        destroyed = 0;
    }
};
int payload;
}  // namespace

TEST_F(Handles, AddAcquireRemove) {
    uintptr_t h = 0;
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_OBJECT, &payload, &h), JBI_H_OK);
    EXPECT_NE(h, 0u);
    void *p = nullptr;
    ASSERT_EQ(jbi_handles_acquire(h, JBI_HANDLE_OBJECT, &p), JBI_H_OK);
    EXPECT_EQ(p, &payload);
    jbi_handles_release(h);
    EXPECT_EQ(jbi_handles_remove(h, JBI_HANDLE_OBJECT), JBI_H_OK);
    EXPECT_EQ(destroyed, 1);
    EXPECT_EQ(jbi_handles_acquire(h, JBI_HANDLE_OBJECT, &p), JBI_H_BAD) << "stale";
    EXPECT_EQ(jbi_handles_remove(h, JBI_HANDLE_OBJECT), JBI_H_BAD) << "double free";
    EXPECT_EQ(destroyed, 1);
}

TEST_F(Handles, WrongKindAndForgedAreRefused) {
    uintptr_t h = 0;
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_METHOD, &payload, &h), JBI_H_OK);
    void *p = nullptr;
    EXPECT_EQ(jbi_handles_acquire(h, JBI_HANDLE_OBJECT, &p), JBI_H_BAD);
    EXPECT_EQ(jbi_handles_remove(h, JBI_HANDLE_VM), JBI_H_BAD);
    EXPECT_EQ(jbi_handles_acquire(0, JBI_HANDLE_METHOD, &p), JBI_H_BAD);
    std::mt19937_64 rng(42);
    int accepted = 0;
    for (int i = 0; i < 100000; i++) {
        uintptr_t forged = static_cast<uintptr_t>(rng());
        if (forged == h) continue;
        if (jbi_handles_acquire(forged, JBI_HANDLE_METHOD, &p) == JBI_H_OK) {
            accepted++;
            jbi_handles_release(forged);
        }
    }
    EXPECT_EQ(accepted, 0);
    // Pointers to real memory are not handles either.
    EXPECT_EQ(jbi_handles_acquire(reinterpret_cast<uintptr_t>(&payload), JBI_HANDLE_METHOD, &p), JBI_H_BAD);
    EXPECT_EQ(jbi_handles_remove(h, JBI_HANDLE_METHOD), JBI_H_OK);
}

TEST_F(Handles, ReusedSlotGetsANewGeneration) {
    uintptr_t first = 0, second = 0;
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_OBJECT, &payload, &first), JBI_H_OK);
    ASSERT_EQ(jbi_handles_remove(first, JBI_HANDLE_OBJECT), JBI_H_OK);
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_OBJECT, &payload, &second), JBI_H_OK);
    EXPECT_NE(first, second);
    void *p = nullptr;
    EXPECT_EQ(jbi_handles_acquire(first, JBI_HANDLE_OBJECT, &p), JBI_H_BAD);
    EXPECT_EQ(jbi_handles_acquire(second, JBI_HANDLE_OBJECT, &p), JBI_H_OK);
    jbi_handles_release(second);
    jbi_handles_remove(second, JBI_HANDLE_OBJECT);
}

TEST_F(Handles, RemovedWhileInUseIsDestroyedByTheLastUser) {
    uintptr_t h = 0;
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_OBJECT, &payload, &h), JBI_H_OK);
    void *p = nullptr;
    ASSERT_EQ(jbi_handles_acquire(h, JBI_HANDLE_OBJECT, &p), JBI_H_OK);
    ASSERT_EQ(jbi_handles_acquire(h, JBI_HANDLE_OBJECT, &p), JBI_H_OK);
    ASSERT_EQ(jbi_handles_remove(h, JBI_HANDLE_OBJECT), JBI_H_OK);
    EXPECT_EQ(destroyed, 0);
    EXPECT_EQ(jbi_handles_acquire(h, JBI_HANDLE_OBJECT, &p), JBI_H_BAD) << "removed: no new users";
    jbi_handles_release(h);
    EXPECT_EQ(destroyed, 0);
    jbi_handles_release(h);
    EXPECT_EQ(destroyed, 1);
}

TEST_F(Handles, RemoveAllTakesOnlyOneKind) {
    std::vector<uintptr_t> objects(1000), methods(10);
    for (auto &h : objects) ASSERT_EQ(jbi_handles_add(JBI_HANDLE_OBJECT, &payload, &h), JBI_H_OK);
    for (auto &h : methods) ASSERT_EQ(jbi_handles_add(JBI_HANDLE_METHOD, &payload, &h), JBI_H_OK);
    EXPECT_EQ(jbi_handles_count(JBI_HANDLE_OBJECT), 1000u);
    EXPECT_EQ(jbi_handles_remove_all(JBI_HANDLE_OBJECT), 1000u);
    EXPECT_EQ(jbi_handles_count(JBI_HANDLE_OBJECT), 0u);
    EXPECT_EQ(jbi_handles_count(JBI_HANDLE_METHOD), 10u);
    EXPECT_EQ(destroyed, 1000);
    void *p = nullptr;
    for (auto h : objects) EXPECT_EQ(jbi_handles_acquire(h, JBI_HANDLE_OBJECT, &p), JBI_H_BAD);
    EXPECT_EQ(jbi_handles_remove_all(JBI_HANDLE_METHOD), 10u);
}

TEST_F(Handles, ConcurrentUseAndRemoveNeverLosesOrDoublesADestroy) {
    constexpr int kRounds = 2000;
    for (int round = 0; round < kRounds; round++) {
        uintptr_t h = 0;
        ASSERT_EQ(jbi_handles_add(JBI_HANDLE_OBJECT, &payload, &h), JBI_H_OK);
        std::vector<std::thread> users;
        for (int t = 0; t < 4; t++) {
            users.emplace_back([h] {
                void *p = nullptr;
                for (int i = 0; i < 20; i++) {
                    if (jbi_handles_acquire(h, JBI_HANDLE_OBJECT, &p) == JBI_H_OK) {
                        EXPECT_EQ(p, &payload);
                        jbi_handles_release(h);
                    }
                }
            });
        }
        jbi_handles_remove(h, JBI_HANDLE_OBJECT);
        for (auto &u : users) u.join();
    }
    EXPECT_EQ(destroyed, kRounds);
}

// Acquire takes no lock: while one thread grows the table through many new chunks, readers
// acquiring handles as soon as they are published must see each one's own pointer, and tokens
// naming slots not yet created must be refused.
TEST_F(Handles, AcquireWhileTheTableGrowsSeesEveryPublishedHandle) {
    constexpr int kHandles = 20000;
    static int targets[kHandles];
    std::vector<uintptr_t> tokens(kHandles);
    std::atomic<int> published{0};
    std::atomic<bool> failed{false};
    std::vector<std::thread> readers;
    for (int t = 0; t < 3; t++) {
        readers.emplace_back([&, t] {
            std::mt19937 rng(t);
            while (published.load(std::memory_order_acquire) < kHandles) {
                int n = published.load(std::memory_order_acquire);
                if (n == 0) continue;
                int i = static_cast<int>(rng() % static_cast<unsigned>(n));
                void *p = nullptr;
                if (jbi_handles_acquire(tokens[i], JBI_HANDLE_OBJECT, &p) != JBI_H_OK || p != &targets[i]) {
                    failed = true;
                } else {
                    jbi_handles_release(tokens[i]);
                }
                // the same generation and kind, an index past every slot created so far
                uintptr_t beyond = (tokens[i] & ~(uintptr_t)0xFFFFFFFC) | ((uintptr_t)(kHandles * 4) << 2);
                if (jbi_handles_acquire(beyond, JBI_HANDLE_OBJECT, &p) == JBI_H_OK) {
                    jbi_handles_release(beyond);
                }
            }
        });
    }
    for (int i = 0; i < kHandles; i++) {
        ASSERT_EQ(jbi_handles_add(JBI_HANDLE_OBJECT, &targets[i], &tokens[i]), JBI_H_OK);
        published.store(i + 1, std::memory_order_release);
    }
    for (auto &r : readers) r.join();
    EXPECT_FALSE(failed.load());
    for (int i = 0; i < kHandles; i++) {
        void *p = nullptr;
        ASSERT_EQ(jbi_handles_acquire(tokens[i], JBI_HANDLE_OBJECT, &p), JBI_H_OK);
        EXPECT_EQ(p, &targets[i]);
        jbi_handles_release(tokens[i]);
    }
    EXPECT_EQ(jbi_handles_remove_all(JBI_HANDLE_OBJECT), static_cast<size_t>(kHandles));
    EXPECT_EQ(destroyed, kHandles);
}

namespace {
// Stands in for the busy words of fast calls: the token some thread is "using", or 0.
std::atomic<uintptr_t> used_token{0};
std::atomic<int> in_use_asked{0};
int fake_in_use(uintptr_t token) {
    in_use_asked++;
    return token == used_token.load();
}

class HandlesInUse : public Handles {
  protected:
    void SetUp() override {
        Handles::SetUp();
        used_token = 0;
        in_use_asked = 0;
        jbi_handles_set_in_use_check(JBI_HANDLE_METHOD, fake_in_use);
    }
    void TearDown() override {
        used_token = 0;
        jbi_handles_remove_all(JBI_HANDLE_METHOD); // drains the deferred list
        jbi_handles_set_in_use_check(JBI_HANDLE_METHOD, nullptr);
    }
};
}  // namespace

TEST_F(Handles, PeekSeesOnlyLiveHandlesOfItsKind) {
    uintptr_t h = 0;
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_METHOD, &payload, &h), JBI_H_OK);
    EXPECT_EQ(jbi_handles_peek(h, JBI_HANDLE_METHOD), &payload);
    EXPECT_EQ(jbi_handles_peek(h, JBI_HANDLE_OBJECT), nullptr) << "wrong kind";
    EXPECT_EQ(jbi_handles_peek(0, JBI_HANDLE_METHOD), nullptr);
    EXPECT_EQ(jbi_handles_peek(h + (uintptr_t{1} << 20), JBI_HANDLE_METHOD), nullptr) << "an index past the table";
    EXPECT_EQ(jbi_handles_peek(h ^ (uintptr_t{1} << (sizeof(uintptr_t) * 8 - 1)), JBI_HANDLE_METHOD), nullptr)
        << "another generation";
    ASSERT_EQ(jbi_handles_remove(h, JBI_HANDLE_METHOD), JBI_H_OK);
    EXPECT_EQ(jbi_handles_peek(h, JBI_HANDLE_METHOD), nullptr) << "removed";
    EXPECT_EQ(destroyed, 1);
}

TEST_F(HandlesInUse, AHandleAThreadStillUsesIsKeptAsideThenDestroyedByALaterRemove) {
    uintptr_t h = 0, other = 0;
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_METHOD, &payload, &h), JBI_H_OK);
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_METHOD, &payload, &other), JBI_H_OK);
    size_t deferred_before = jbi_handles_deferred();
    used_token = h;
    ASSERT_EQ(jbi_handles_remove(h, JBI_HANDLE_METHOD), JBI_H_OK);
    EXPECT_GT(in_use_asked.load(), 0) << "the remover asked before destroying";
    EXPECT_EQ(destroyed, 0) << "still in use: not destroyed";
    EXPECT_EQ(jbi_handles_deferred(), deferred_before + 1);
    EXPECT_EQ(jbi_handles_peek(h, JBI_HANDLE_METHOD), nullptr) << "refused to new users meanwhile";
    EXPECT_EQ(jbi_handles_remove(h, JBI_HANDLE_METHOD), JBI_H_BAD) << "a second free is refused";

    // Its slot is not reused while it waits: a new handle gets another token.
    uintptr_t fresh = 0;
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_METHOD, &payload, &fresh), JBI_H_OK);
    EXPECT_NE(fresh, h);
    EXPECT_EQ(jbi_handles_peek(h, JBI_HANDLE_METHOD), nullptr);

    // Still used: another remove leaves it aside.
    ASSERT_EQ(jbi_handles_remove(fresh, JBI_HANDLE_METHOD), JBI_H_OK);
    EXPECT_EQ(destroyed, 1) << "only the unused one";
    EXPECT_EQ(jbi_handles_deferred(), deferred_before + 1);

    used_token = 0; // the thread has left its call
    ASSERT_EQ(jbi_handles_remove(other, JBI_HANDLE_METHOD), JBI_H_OK);
    EXPECT_EQ(destroyed, 3) << "the deferred one and the removed one";
    EXPECT_EQ(jbi_handles_deferred(), deferred_before);
}

TEST_F(HandlesInUse, RemoveAllDestroysDeferredHandlesNoLongerInUse) {
    uintptr_t h = 0;
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_METHOD, &payload, &h), JBI_H_OK);
    used_token = h;
    ASSERT_EQ(jbi_handles_remove(h, JBI_HANDLE_METHOD), JBI_H_OK);
    EXPECT_EQ(destroyed, 0);
    jbi_handles_remove_all(JBI_HANDLE_METHOD);
    EXPECT_EQ(destroyed, 0) << "still used";
    used_token = 0;
    jbi_handles_remove_all(JBI_HANDLE_METHOD);
    EXPECT_EQ(destroyed, 1);
    EXPECT_EQ(jbi_handles_deferred(), 0u);
}

TEST_F(HandlesInUse, TheLastHolderAlsoAsksBeforeDestroying) {
    // A generic call holds the handle (user count) while a fast call uses it (busy word).
    uintptr_t h = 0;
    ASSERT_EQ(jbi_handles_add(JBI_HANDLE_METHOD, &payload, &h), JBI_H_OK);
    void *p = nullptr;
    ASSERT_EQ(jbi_handles_acquire(h, JBI_HANDLE_METHOD, &p), JBI_H_OK);
    used_token = h;
    ASSERT_EQ(jbi_handles_remove(h, JBI_HANDLE_METHOD), JBI_H_OK);
    jbi_handles_release(h);
    EXPECT_EQ(destroyed, 0) << "the fast call still uses it";
    used_token = 0;
    jbi_handles_remove_all(JBI_HANDLE_METHOD);
    EXPECT_EQ(destroyed, 1);
}

// The kind field is 3 bits wide: every kind, including those past the old 2-bit limit (field,
// class loader), keeps its own identity, and no handle is accepted as any other kind.
TEST_F(Handles, EveryKindIsDistinct) {
    const jbi_handle_kind kinds[] = {JBI_HANDLE_VM, JBI_HANDLE_METHOD, JBI_HANDLE_OBJECT, JBI_HANDLE_FIELD,
                                     JBI_HANDLE_LOADER};
    static_assert(JBI_HANDLE_LOADER < JBI_HANDLE_KINDS, "every kind fits the kind field");
    uintptr_t h[5] = {};
    int payloads[5] = {};
    for (int k = 0; k < 5; k++) {
        ASSERT_EQ(jbi_handles_add(kinds[k], &payloads[k], &h[k]), JBI_H_OK);
    }
    for (int k = 0; k < 5; k++) {
        EXPECT_EQ(jbi_handles_count(kinds[k]) >= 1, true);
        for (int other = 0; other < 5; other++) {
            void *p = nullptr;
            int rc = jbi_handles_acquire(h[k], kinds[other], &p);
            if (other == k) {
                ASSERT_EQ(rc, JBI_H_OK) << "kind " << kinds[k];
                EXPECT_EQ(p, &payloads[k]);
                jbi_handles_release(h[k]);
            } else {
                EXPECT_EQ(rc, JBI_H_BAD) << "kind " << kinds[k] << " taken as " << kinds[other];
                EXPECT_EQ(jbi_handles_peek(h[k], kinds[other]), nullptr);
                EXPECT_EQ(jbi_handles_remove(h[k], kinds[other]), JBI_H_BAD);
            }
        }
    }
    // A token whose kind bits name no kind (6, 7) is refused for every kind.
    for (int k = 0; k < 5; k++) {
        uintptr_t bad = (h[k] & ~uintptr_t(JBI_HANDLE_KINDS - 1)) | uintptr_t(7);
        void *p = nullptr;
        for (int other = 0; other < 5; other++) EXPECT_EQ(jbi_handles_acquire(bad, kinds[other], &p), JBI_H_BAD);
    }
    for (int k = 0; k < 5; k++) EXPECT_EQ(jbi_handles_remove(h[k], kinds[k]), JBI_H_OK);
    EXPECT_EQ(destroyed, 5);
}
