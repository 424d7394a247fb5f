//! `qadam`: natively the command line of the contract; in the browser the widget.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(qadam::cli::run(&args));
}

/// The browser runs the widget on one thread; this allocator is a few hundred bytes where the default one is
/// several kilobytes of the first-load budget.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without threads: nothing allocates concurrently.
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    qadam::ui::start();
}
