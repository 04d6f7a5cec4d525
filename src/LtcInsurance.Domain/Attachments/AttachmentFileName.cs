using System.Globalization;
using System.Text;

namespace LtcInsurance.Domain.Attachments;

/// <summary>
/// Makes an uploaded file's name safe to keep and to send back in a download: the last path segment only, Unicode NFC,
/// no control or formatting characters (no right-to-left override hiding an extension), none of <c>\ / : * ? " &lt; &gt; |</c>,
/// runs of white space as one space, no leading or trailing dots and spaces, at most <see cref="MaxLength"/> characters
/// (cut between whole characters, keeping the extension). The extension must agree with the content: a PDF named
/// <c>.jpg</c> or <c>.exe</c> is refused; a name without an extension gets the content's.
/// </summary>
public static class AttachmentFileName
{
    public const int MaxLength = 120;

    private const string Fallback = "附件";

    private static readonly char[] Reserved = ['\\', '/', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>The safe name, or null with <paramref name="error"/> (Chinese) when the name contradicts the content.</summary>
    public static string? Normalize(string? name, FileKind kind, out string? error)
    {
        ArgumentNullException.ThrowIfNull(kind);
        error = null;
        var text = (name ?? "").Normalize(NormalizationForm.FormC);
        var slash = text.LastIndexOfAny(['\\', '/']);
        if (slash >= 0)
            text = text[(slash + 1)..];

        var cleaned = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (!lastWasSpace)
                    cleaned.Append(' ');
                lastWasSpace = true;
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                continue;
            lastWasSpace = false;
            if (rune.IsBmp && Array.IndexOf(Reserved, (char)rune.Value) >= 0)
                cleaned.Append('_');
            else
                cleaned.Append(rune.ToString());
        }
        var safe = cleaned.ToString().Trim(' ', '.');

        var (stem, extension) = Split(safe);
        if (extension.Length > 0)
        {
            if (!kind.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                error = FileKind.ByExtension(extension) is { } claimed
                    ? $"文件名「{Shorten(safe)}」表明是 {claimed.Name}，但文件内容是 {kind.Name}：请检查是否选错了文件"
                    : $"文件名「{Shorten(safe)}」的扩展名 {extension} 与文件内容（{kind.Name}）不符：只接受 PDF、JPEG、PNG 文件";
                return null;
            }
            extension = extension.ToLowerInvariant();
        }
        else
        {
            extension = kind.Extensions[0];
        }

        stem = Cut(stem.TrimEnd(' ', '.'), MaxLength - extension.Length);
        return (stem.Length == 0 ? Fallback : stem) + extension;
    }

    /// <summary>The stem and the extension (with its dot) when it looks like one: 1–5 ASCII letters or digits.</summary>
    private static (string Stem, string Extension) Split(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
            return (name, "");
        var extension = name[dot..];
        return extension.Length <= 6 && extension.Skip(1).All(char.IsAsciiLetterOrDigit)
            ? (name[..dot], extension)
            : (name, "");
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, never splitting a character (text element).</summary>
    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var result = new StringBuilder(max);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (result.Length + element.Length > max)
                break;
            result.Append(element);
        }
        return result.ToString().TrimEnd(' ', '.');
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : Cut(name, 37) + "…";
}
