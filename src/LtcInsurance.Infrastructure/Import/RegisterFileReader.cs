using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LtcInsurance.Application.Import;

namespace LtcInsurance.Infrastructure.Import;

/// <summary>
/// Reads a register file one row at a time, never the whole file: CSV (RFC 4180: quoted fields may hold separators, doubled quotes and line breaks) by a
/// character-at-a-time reader, XLSX through the
/// Open XML SAX reader over the first worksheet (shared strings are looked up; a cell missing from a row is empty).
/// The first row is the header. A file that is not what its format says throws <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class RegisterFileReader : IRegisterFileReader
{
    public IEnumerable<string?[]> Rows(Stream file, string format)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Readable(format == "xlsx" ? XlsxRows(file) : CsvRows(file));
    }

    /// <summary>The package reader's own exceptions as <see cref="InvalidDataException"/>, which the import reports on the job.</summary>
    private static IEnumerable<string?[]> Readable(IEnumerable<string?[]> rows)
    {
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = enumerator.MoveNext();
            }
            catch (Exception failure) when (failure is FileFormatException or OpenXmlPackageException)
            {
                throw new InvalidDataException(failure.Message, failure);
            }

            if (!more)
                yield break;
            yield return enumerator.Current;
        }
    }

    private static IEnumerable<string?[]> CsvRows(Stream file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                    field.Append(ch);
                else if (reader.Peek() == '"')
                    field.Append((char)reader.Read());
                else
                    quoted = false;
                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return [.. fields];
                    }

                    fields.Clear();
                    field.Clear();
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }

    private static IEnumerable<string?[]> XlsxRows(Stream file)
    {
        using var document = SpreadsheetDocument.Open(file, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("XLSX 文件没有工作簿");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new InvalidDataException("XLSX 文件没有工作表");
        var sheetPart = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
        var shared = SharedStrings(workbook);

        using var reader = OpenXmlReader.Create(sheetPart);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                continue;
            // Each row element is small: load it alone, then let it go.
            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var index = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < index)
                    cells.Add(null);
                cells.Add(CellText(cell, shared));
            }

            yield return [.. cells];
        }
    }

    private static string? CellText(Cell cell, IReadOnlyList<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
            return cell.InlineString?.InnerText;
        var raw = cell.CellValue?.Text;
        if (raw is null)
            return null;
        return cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count
            ? shared[i]
            : raw;
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var list = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
            return list;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                list.Add(reader.LoadCurrentElement()!.InnerText);
        }

        return list;
    }

    /// <summary>"C7" → 2 (zero-based column).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}
