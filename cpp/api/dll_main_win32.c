/*
 * Windows only: when javabridge.dll is unloaded while the process goes on (FreeLibrary, or the
 * JVM unloading the natives with their class loader), the fibre-local storage slot must go
 * first: its callback lives in this DLL, and every thread that used the C API would otherwise
 * call into unmapped code when it exits.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "thread_state.h"

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved);

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved) {
    (void)instance;
    /* reserved is non-NULL when the whole process is exiting: then no thread exits after us,
     * and other threads may have died holding locks, so nothing is touched. */
    if (reason == DLL_PROCESS_DETACH && reserved == NULL) {
        jbi_thread_state_shutdown();
    }
    return TRUE;
}
