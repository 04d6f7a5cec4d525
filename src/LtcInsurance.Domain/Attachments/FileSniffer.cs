namespace LtcInsurance.Domain.Attachments;

/// <summary>A file type attachments may have: its media type, its usual extensions (the first is canonical) and name.</summary>
public sealed record FileKind(string MediaType, IReadOnlyList<string> Extensions, string Name)
{
    public static readonly FileKind Pdf = new("application/pdf", [".pdf"], "PDF");
    public static readonly FileKind Jpeg = new("image/jpeg", [".jpg", ".jpeg"], "JPEG 图片");
    public static readonly FileKind Png = new("image/png", [".png"], "PNG 图片");

    public static readonly IReadOnlyList<FileKind> All = [Pdf, Jpeg, Png];

    /// <summary>The kind whose extension <paramref name="extension"/> (with dot, any case) is, or null.</summary>
    public static FileKind? ByExtension(string extension) =>
        All.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// Tells a file's type from its first bytes (magic numbers), whatever its name says: PDF (<c>%PDF-</c>), JPEG
/// (<c>FF D8 FF</c>) and PNG (the 8-byte signature followed by an IHDR chunk). Anything else is null.
/// </summary>
public static class FileSniffer
{
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> PngHeaderChunk => "IHDR"u8;

    public static FileKind? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfMagic))
            return FileKind.Pdf;
        if (content.Length >= 4 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
            return FileKind.Jpeg;
        if (content.Length >= 16 && content.StartsWith(PngMagic) && content.Slice(12, 4).SequenceEqual(PngHeaderChunk))
            return FileKind.Png;
        return null;
    }
}
