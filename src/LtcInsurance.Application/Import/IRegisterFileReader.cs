namespace LtcInsurance.Application.Import;

/// <summary>Reads a register file row by row, never the whole file; the first row is the header.</summary>
public interface IRegisterFileReader
{
    /// <summary>The rows' cells as text. A file that cannot be read throws <see cref="InvalidDataException"/>.</summary>
    IEnumerable<string?[]> Rows(Stream file, string format);
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
