using System.Text;

namespace LtcInsurance.Application.Import;

/// <summary>
/// What may not pass from a register file into the database: NUL (PostgreSQL text cannot hold it), other control
/// characters (tab and line breaks aside), U+FFFD (what the reader puts for bytes that are not valid in the file's
/// encoding) and lone surrogates. Such a cell is cleaned and its row refused, naming the column.
/// </summary>
public static class RegisterCellText
{
    public const string Problem = "含有空字符（NUL）、控制字符或无效的 UTF-8 字节，该行未导入";

    /// <summary>Cleans the cells in place; the index of the first cell that needed it, or -1.</summary>
    public static int Clean(string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var first = -1;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is { } text && !IsClean(text))
            {
                cells[i] = Cleaned(text);
                if (first < 0)
                    first = i;
            }
        }

        return first;
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
                return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return false;
        }

        return true;
    }

    private static string Cleaned(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }

            if (c == '\uFFFD' || char.IsSurrogate(c))
                clean.Append('?');
            else if (!char.IsControl(c) || c is '\t' or '\r' or '\n')
                clean.Append(c);
        }

        return clean.ToString();
    }

    /// <summary>
    /// An uploaded file's name as the job stores it: the last path segment only, no control or invisible formatting
    /// characters (a right-to-left override could disguise the extension), at most <paramref name="maxLength"/>
    /// characters with the extension kept.
    /// </summary>
    public static string SafeFileName(string? fileName, int maxLength = 260)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(Math.Min(name.Length, maxLength * 2));
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned)
                && rune != Rune.ReplacementChar)
                kept.Append(rune.ToString());
        }

        name = kept.ToString().Trim();
        var extension = Path.GetExtension(name);
        if (name.Length - extension.Length == 0)
            name = "register" + extension;
        if (name.Length <= maxLength)
            return name;
        if (extension.Length > 16)
            extension = "";
        var stem = name[..(maxLength - extension.Length - 1)];
        if (char.IsHighSurrogate(stem[^1]))
            stem = stem[..^1];
        return stem + "…" + extension;
    }
}
