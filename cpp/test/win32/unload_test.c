/*
 * Windows only, run under wine by scripts/test-cross.sh: javabridge.dll is unloaded while a
 * thread that used its C API is still alive, and that thread then exits. The thread-exit
 * callback (fibre-local storage) must be gone with the DLL; if it were not, the exiting thread
 * would jump into unmapped code (seen: a page fault). Exit status 0 only if the thread exited
 * normally. JAVA_HOME must name a folder without a JDK, so that jb_vm_open fails quickly.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include <stdio.h>

typedef int (*open_fn)(const void *options, void **out);
typedef int (*code_fn)(void);

static HANDLE go, ready;
static open_fn vm_open;
static code_fn error_code;
static int open_rc, seen_code;

static DWORD WINAPI worker(LPVOID arg) {
    (void)arg;
    void *vm = NULL;
    open_rc = vm_open(NULL, &vm); /* fails (no JDK), leaving this thread's state behind */
    seen_code = error_code();
    SetEvent(ready);
    WaitForSingleObject(go, INFINITE);
    return 7; /* exits only after the DLL is gone */
}

int main(void) {
    HMODULE dll = LoadLibraryW(L"javabridge.dll");
    if (dll == NULL) {
        printf("FAIL: cannot load javabridge.dll (error %lu)\n", GetLastError());
        return 1;
    }
    vm_open = (open_fn)(void (*)(void))GetProcAddress(dll, "jb_vm_open");
    error_code = (code_fn)(void (*)(void))GetProcAddress(dll, "jb_error_code");
    if (vm_open == NULL || error_code == NULL) {
        printf("FAIL: javabridge.dll does not export jb_vm_open and jb_error_code\n");
        return 1;
    }
    go = CreateEventW(NULL, TRUE, FALSE, NULL);
    ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE thread = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    if (go == NULL || ready == NULL || thread == NULL) {
        printf("FAIL: cannot create the worker thread\n");
        return 1;
    }
    WaitForSingleObject(ready, INFINITE);
    if (open_rc == 0 || seen_code != open_rc) {
        printf("FAIL: jb_vm_open returned %d and jb_error_code %d; expected the same failure\n", open_rc, seen_code);
        return 1;
    }
    FreeLibrary(dll);
    if (GetModuleHandleW(L"javabridge.dll") != NULL) {
        printf("FAIL: javabridge.dll is still loaded after FreeLibrary\n");
        return 1;
    }
    SetEvent(go);
    DWORD status = 0;
    if (WaitForSingleObject(thread, 30000) != WAIT_OBJECT_0 || !GetExitCodeThread(thread, &status) || status != 7) {
        printf("FAIL: the worker did not exit normally after the unload (status %lu)\n", (unsigned long)status);
        return 1;
    }
    printf("PASS: a thread that used the C API exited normally after javabridge.dll was unloaded "
           "(jb_vm_open failed with %d as expected)\n", open_rc);
    return 0;
}
