/// The console's language: Simplified Chinese by default, English on request (`?lang=en`, remembered in the `gw_lang` cookie).
public enum ConsoleLanguage: String, Sendable, Hashable, CaseIterable {
    /// 简体中文 (default).
    case zh
    /// English.
    case en

    /// The `lang` attribute of the HTML document.
    public var htmlLang: String { self == .zh ? "zh-CN" : "en" }
}
