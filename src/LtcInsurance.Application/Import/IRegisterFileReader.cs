namespace LtcInsurance.Application.Import;

/// <summary>Reads a register file row by row, never the whole file; the first row is the header.</summary>
public interface IRegisterFileReader
{
    /// <summary>The rows' cells as text. A file that cannot be read throws <see cref="InvalidDataException"/>.</summary>
    IEnumerable<string?[]> Rows(Stream file, string format);
}

/// <summary>
/// What a register file may hold; beyond it the reader refuses the file with a Chinese reason before (XLSX: the
/// zip's declared sizes) or while reading, so a hostile or broken file costs neither much memory nor much time.
/// </summary>
public static class RegisterFileLimits
{
    /// <summary>Rows, header included (a city register is a few hundred thousand).</summary>
    public const int MaxRows = 2_000_000;

    /// <summary>Cells in one row (the register has ten columns; a spreadsheet's last column is XFD = 16384).</summary>
    public const int MaxColumns = 256;

    /// <summary>Characters in one cell (a CSV quote left open would otherwise swallow the rest of the file).</summary>
    public const int MaxCellChars = 10_000;

    /// <summary>XLSX: the sum of the parts' uncompressed sizes as the zip declares them.</summary>
    public const long MaxUncompressedBytes = 256L * 1024 * 1024;

    /// <summary>XLSX: uncompressed over compressed size of one part (real sheets compress 5 to 30 times; bombs thousands).</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>XLSX: parts in the package.</summary>
    public const int MaxParts = 1_000;

    /// <summary>XLSX: characters in the shared-string table (it is held in memory while the sheet is read).</summary>
    public const long MaxSharedStringChars = 32L * 1024 * 1024;
}

/// <summary>The register file formats the import reads.</summary>
public static class RegisterFileFormats
{
    /// <summary>"csv" or "xlsx" by the file name's extension (any case); null for any other.</summary>
    public static string? Of(string? fileName) =>
        Path.GetExtension(fileName)?.ToLowerInvariant() switch
        {
            ".csv" => "csv",
            ".xlsx" => "xlsx",
            _ => null,
        };
}
