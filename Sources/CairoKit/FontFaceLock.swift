import Synchronization

// MARK: - cairo's FreeType faces, one thread at a time

/// The process-wide lock around every CairoKit call that may open, use or close one of cairo's
/// FreeType faces: shaping and measuring text, drawing it, showing and finishing vector pages
/// (glyphs are replayed and fonts subset there), and releasing objects that hold fonts. Taken
/// inside CairoKit; callers do nothing.
///
/// Why: cairo 1.16 (Debian 12) shares one FreeType face per font file and index across the
/// process, whichever Pango font map asked for it, and keeps at most 10 open
/// (`MAX_OPEN_FACES` in cairo-ft-font.c). Opening an 11th closes a random face whose lock count
/// reads 0 without taking that face's mutex, so a thread that has just locked the face loads
/// glyphs from a closed one; and cairo calls `FT_New_Face` outside its own lock, while FreeType
/// allows only one `FT_New_Face`/`FT_Done_Face` at a time per library. Without this lock, eight
/// families in two weights drawn on eight threads (`ThreadStressTests`) crashed in 9 of 10 runs
/// in `cairo_scaled_font_glyph_extents` while another thread was in `FT_New_Face`, and the tenth
/// wrote files with wrong bytes; a C program drawing 12 faces on 4 threads crashed every time,
/// with 10 faces never. A font map per thread does not help: the faces behind the maps are the
/// same.
///
/// Outside the lock: GLib drops a thread's default Pango font map when the thread ends. Its
/// fonts go to cairo's cache of unused fonts (256 entries), and a face closes only once the last
/// font of its file and index has left that cache; not seen to matter in the stress test, whose
/// threads end while others still draw.
///
/// Not reentrant: a locked body must not call back into a locked CairoKit member.
enum FontFaceLock {
  private static let mutex = Mutex(())

  /// Runs `body` while no other thread is inside a locked CairoKit call.
  static func run<Result, Failure: Error>(
    _ body: () throws(Failure) -> sending Result
  ) throws(Failure) -> sending Result {
    try mutex.withLock { _ throws(Failure) -> sending Result in try body() }
  }
}
