//! Handing freed memory back to the system between the phases of a long run.
//!
//! glibc's allocator keeps memory a program frees for its next allocations, and after large frees
//! it raises its own threshold for giving memory back. Building the tagger frees most of what it
//! allocates (parsed files, the automaton's intermediate form), and the count workers allocate in
//! arenas of their own, which never reuse it: without a trim, `rasid count` over a large corpus
//! holds some 20 MB it no longer uses, a fifth of its peak.

/// Returns the allocator's free memory to the system; a few milliseconds, once per phase.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub(crate) fn release_free_memory() {
    unsafe extern "C" {
        /// glibc: releases free memory at the top of each heap and the free pages inside it.
        fn malloc_trim(pad: usize) -> i32;
    }
    // SAFETY: `malloc_trim` takes no pointer and only walks the allocator's own free lists, under
    // the allocator's locks; it is safe to call from any thread at any time.
    unsafe {
        malloc_trim(0);
    }
}

/// Elsewhere the allocator is left to its own policy.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub(crate) fn release_free_memory() {}
