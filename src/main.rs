//! `qadam`: natively the command line of the contract; in the browser the widget.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(qadam::cli::run(&args));
}

#[cfg(target_arch = "wasm32")]
fn main() {
    qadam::ui::start();
}
