//! Handing freed memory back to the system between the phases of a long run.
//!
//! glibc's allocator keeps memory a program frees for its next allocations, and after large frees
//! it raises its own threshold for giving memory back. Building the tagger frees most of what it
//! allocates (parsed files, the automaton's intermediate form), and the count workers allocate in
//! arenas of their own, which never reuse it: without a trim, `rasid count` over a large corpus
//! holds some 20 MB it no longer uses, a fifth of its peak.
//!
//! glibc also raises the size from which an allocation gets its own mapping each time such a mapping
//! is freed (up to 32 MB): after the build has freed its large buffers, the workers' growing tables
//! land in their arenas, where the holes they leave behind as they grow stay resident. A fixed
//! threshold keeps large buffers in mappings that go back to the system when freed.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod glibc {
    use std::ffi::c_int;

    /// `M_MMAP_THRESHOLD` of glibc's `malloc.h`.
    const M_MMAP_THRESHOLD: c_int = -3;
    /// glibc's initial threshold, which it would otherwise raise as mappings are freed.
    const MMAP_THRESHOLD_BYTES: c_int = 128 * 1024;

    unsafe extern "C" {
        /// Releases free memory at the top of each heap and the free pages inside it.
        fn malloc_trim(pad: usize) -> c_int;
        /// Sets one allocator parameter; returns 0 on failure.
        fn mallopt(param: c_int, value: c_int) -> c_int;
    }

    pub(crate) fn release_free_memory() {
        // SAFETY: `malloc_trim` takes no pointer and only walks the allocator's own free lists,
        // under its locks; it may be called from any thread at any time.
        unsafe {
            malloc_trim(0);
        }
    }

    pub(crate) fn map_large_buffers() {
        // SAFETY: `mallopt` takes no pointer and sets a parameter under the allocator's lock; a
        // failure leaves the default policy, which is correct, only larger.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES);
        }
    }
}

/// Returns the allocator's free memory to the system; a few milliseconds, once per phase.
pub(crate) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    glibc::release_free_memory();
}

/// Gives every large buffer (128 KiB and more) a mapping of its own for the rest of the run, so
/// that freeing it gives the memory back. Call it before the build.
pub(crate) fn map_large_buffers() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    glibc::map_large_buffers();
}
