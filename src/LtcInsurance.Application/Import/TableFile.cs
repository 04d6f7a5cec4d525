using System.Security.Cryptography;

namespace LtcInsurance.Application.Import;

/// <summary>
/// A column of an uploaded table file: its key, its Chinese header and whether the file must have it. The template's
/// header writes both, Chinese with the key after a slash; a header cell naming either part names the column.
/// </summary>
public sealed record TableColumn(string Key, string Chinese, bool Required)
{
    /// <summary>The column's header in the template: <c>中文/key</c>.</summary>
    public string Template => $"{Chinese}/{Key}";

    internal bool IsNamedBy(string part) => part == Chinese || string.Equals(part, Key, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Reads the rows an <see cref="IRegisterFileReader"/> gives (it holds the size, row, column and expansion limits) as a
/// table of known columns: the first row is the header, mapped to <see cref="TableColumn"/>s (a column named twice or a
/// required one missing is a header problem); the rows after it that hold anything come with their number in the file
/// (1 = the header) and their cells by column key. What a cell must hold is for the caller, with its own Chinese message.
/// </summary>
internal sealed class TableFile : IDisposable
{
    /// <summary>The message for a row with bytes the reader could not decode (U+FFFD) or a NUL.</summary>
    public const string UnreadableRow = "本行含有无法识别的字符（文件编码损坏？）";

    private readonly IEnumerator<string?[]> _rows;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<(TableColumn Column, string Message)> _headerProblems = [];

    public TableFile(IEnumerable<string?[]> rows, IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        _rows = rows.GetEnumerator();
        IsEmpty = !_rows.MoveNext();
        if (IsEmpty)
            return;
        var cells = _rows.Current;
        for (var i = 0; i < cells.Length; i++)
        {
            var parts = (cells[i] ?? "").Trim().TrimStart('\uFEFF').Split('/', StringSplitOptions.TrimEntries);
            var column = columns.FirstOrDefault(c => parts.Any(c.IsNamedBy));
            if (column is null)
                continue;
            if (!_index.TryAdd(column.Key, i))
                _headerProblems.Add((column, $"表头「{column.Chinese}」出现了两次"));
        }

        foreach (var missing in columns.Where(c => c.Required && !_index.ContainsKey(c.Key)))
            _headerProblems.Add((missing, $"缺少必填列「{missing.Template}」（请使用模板）"));
    }

    /// <summary>The file has no row at all, not even a header.</summary>
    public bool IsEmpty { get; }

    /// <summary>Every problem of the header (a column named twice, a required column missing), in Chinese.</summary>
    public IReadOnlyList<(TableColumn Column, string Message)> HeaderProblems => _headerProblems;

    /// <summary>The rows after the header that hold anything, read one at a time.</summary>
    public IEnumerable<TableRow> Rows()
    {
        var number = 1;
        while (_rows.MoveNext())
        {
            number++;
            var cells = _rows.Current;
            if (!cells.All(string.IsNullOrWhiteSpace))
                yield return new TableRow(number, cells, _index);
        }
    }

    public void Dispose() => _rows.Dispose();
}

/// <summary>One row of a <see cref="TableFile"/>: its number in the file (1 = the header) and its cells by column key.</summary>
internal sealed class TableRow(int number, string?[] cells, IReadOnlyDictionary<string, int> index)
{
    public int Number { get; } = number;

    /// <summary>The cell of the column, trimmed; null when the column is absent or the cell blank.</summary>
    public string? this[string key] =>
        index.TryGetValue(key, out var i) && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i]!.Trim() : null;

    /// <summary>A cell holds bytes the reader could not decode (U+FFFD) or a NUL: the row is refused as <see cref="TableFile.UnreadableRow"/>.</summary>
    public bool IsUnreadable =>
        cells.Any(c => c is not null && (c.Contains('\uFFFD', StringComparison.Ordinal) || c.Contains('\0', StringComparison.Ordinal)));
}

/// <summary>An uploaded table file held in memory, refused unread beyond a size, with the SHA-256 of its bytes.</summary>
internal static class TableUpload
{
    /// <summary>The file's bytes (positioned at the start) and their SHA-256 (lower-case hex); null when it is bigger than <paramref name="maxBytes"/>.</summary>
    public static async Task<(MemoryStream Content, string Sha256)?> ReadAsync(Stream file, int maxBytes, CancellationToken cancellationToken)
    {
        var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                await content.DisposeAsync();
                return null;
            }

            content.Write(buffer, 0, read);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)));
        content.Position = 0;
        return (content, sha);
    }

    /// <summary>The refusal of a file beyond <paramref name="maxBytes"/>.</summary>
    public static string TooLarge(int maxBytes) => $"文件超过 {maxBytes / 1024 / 1024} MB";
}
