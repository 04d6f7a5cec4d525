using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LtcInsurance.Application.Import;

namespace LtcInsurance.Infrastructure.Import;

/// <summary>
/// Reads a register file one row at a time, never the whole file: CSV (RFC 4180: quoted fields may hold separators,
/// doubled quotes and line breaks; rows end with CRLF, LF or a lone CR as old Mac files have) by a character-at-a-time
/// reader, XLSX through the Open XML SAX reader over the first worksheet (shared strings are looked up; a cell missing
/// from a row is empty). The first row is the header. A file that is not what its format says, or goes beyond
/// <see cref="RegisterFileLimits"/>, throws <see cref="InvalidDataException"/> with a Chinese reason.
/// <para>CSV encoding: a byte-order mark decides (UTF-8, UTF-16); otherwise the first 64 KiB must be valid UTF-8, or
/// else valid GB18030 (the superset of GBK/GB2312 that Chinese Excel saves "CSV" in); anything else is refused as
/// "文件编码不是 UTF-8". Bytes that are not valid in the chosen encoding further on become U+FFFD, and the import
/// refuses that row (as it refuses a NUL), naming it.</para>
/// <para>XLSX: before the workbook is parsed the zip's declared sizes are checked (parts, total uncompressed size,
/// compression ratio) and every XML part is refused if it declares a DTD (no entity expansion, no external entity);
/// while reading, column references, row and cell counts and shared-string size are bounded.</para>
/// </summary>
internal sealed class RegisterFileReader : IRegisterFileReader
{
    private const int SniffBytes = 64 * 1024;

    static RegisterFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public IEnumerable<string?[]> Rows(Stream file, string format)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Readable(format == "xlsx" ? XlsxRows(file) : CsvRows(file));
    }

    /// <summary>Any failure of the parsers (package, zip, XML) as <see cref="InvalidDataException"/>, which the import reports on the job.</summary>
    private static IEnumerable<string?[]> Readable(IEnumerable<string?[]> rows)
    {
        using var enumerator = rows.GetEnumerator();
        var count = 0;
        while (true)
        {
            bool more;
            try
            {
                more = enumerator.MoveNext();
            }
            catch (Exception failure) when (failure is not (InvalidDataException or OperationCanceledException or OutOfMemoryException))
            {
                throw new InvalidDataException(failure is XmlException && failure.Message.Contains("DTD", StringComparison.Ordinal)
                    ? "XLSX 文件含有 DTD 或实体声明，已拒绝"
                    : $"文件已损坏或不是所述格式（{failure.GetType().Name}）", failure);
            }

            if (!more)
                yield break;
            if (++count > RegisterFileLimits.MaxRows)
                throw new InvalidDataException($"文件超过 {RegisterFileLimits.MaxRows:N0} 行，请分批导入");
            var cells = enumerator.Current;
            if (cells.Length > RegisterFileLimits.MaxColumns)
                throw new InvalidDataException($"第 {count} 行超过 {RegisterFileLimits.MaxColumns} 列");
            yield return cells;
        }
    }

    private static IEnumerable<string?[]> CsvRows(Stream file)
    {
        using var reader = new StreamReader(SniffEncoding(file, out var encoding), encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        var row = 1;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (field.Length >= RegisterFileLimits.MaxCellChars)
                throw new InvalidDataException($"第 {row} 行有超过 {RegisterFileLimits.MaxCellChars} 个字符的单元格{(quoted ? "（可能缺少右引号）" : "")}");
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
                    if (fields.Count > RegisterFileLimits.MaxColumns)
                        throw new InvalidDataException($"第 {row} 行超过 {RegisterFileLimits.MaxColumns} 列");
                    break;
                case '\r':
                case '\n':
                    // CRLF, LF and a lone CR (old Mac) each end a row.
                    if (ch == '\r' && reader.Peek() == '\n')
                        reader.Read();
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return [.. fields];
                        row++;
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

    /// <summary>
    /// Decides the CSV's encoding from its first bytes (see the class summary) and answers a stream that still
    /// starts at the beginning (the sniffed bytes put back in front when the file cannot seek).
    /// </summary>
    private static Stream SniffEncoding(Stream file, out Encoding encoding)
    {
        var head = new byte[SniffBytes];
        var length = 0;
        int read;
        while (length < head.Length && (read = file.Read(head, length, head.Length - length)) > 0)
            length += read;
        var sniffed = head.AsSpan(0, length);

        // Replacement fallbacks: a bad byte later on becomes U+FFFD and the import refuses that row, not the file.
        if (sniffed.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        else if (sniffed.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            encoding = Encoding.Unicode;
        else if (sniffed.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            encoding = Encoding.BigEndianUnicode;
        else if (sniffed.Count((byte)0) > length / 8)
            throw new InvalidDataException("文件编码不是 UTF-8（看起来是没有字节顺序标记的 UTF-16），请另存为“CSV UTF-8”");
        else if (MostlyUtf8(sniffed))
            encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        else if (Decodes(sniffed, Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)))
            encoding = Encoding.GetEncoding("GB18030");
        else
            throw new InvalidDataException("文件编码不是 UTF-8（也不是 GBK/GB18030），请另存为“CSV UTF-8”");

        if (file.CanSeek)
        {
            file.Seek(-length, SeekOrigin.Current);
            return file;
        }

        return new PrefixedStream(head, length, file);
    }

    /// <summary>
    /// Valid UTF-8, or UTF-8 with a few stray bad bytes among many Chinese characters (those rows are refused later).
    /// GBK text read as UTF-8 gives a bad sequence for almost every character, so it never passes.
    /// </summary>
    private static bool MostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[Encoding.UTF8.GetMaxCharCount(Math.Max(bytes.Length, 1))];
        var count = new UTF8Encoding(false, throwOnInvalidBytes: false).GetDecoder().GetChars(bytes, chars, flush: false);
        int bad = 0, wide = 0;
        foreach (var c in chars.AsSpan(0, count))
        {
            if (c == '\uFFFD')
                bad++;
            else if (c >= '\u0800')
                wide++;
        }

        return bad == 0 || wide >= 10 * bad;
    }

    /// <summary>True when the bytes decode without error (an incomplete character at the end is allowed: the sniff cut it).</summary>
    private static bool Decodes(ReadOnlySpan<byte> bytes, Encoding strict)
    {
        var decoder = strict.GetDecoder();
        var chars = new char[strict.GetMaxCharCount(Math.Max(bytes.Length, 1))];
        try
        {
            decoder.GetChars(bytes, chars, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static IEnumerable<string?[]> XlsxRows(Stream file)
    {
        CheckPackage(file);
        using var document = SpreadsheetDocument.Open(file, false, new OpenSettings { AutoSave = false });
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("XLSX 文件没有工作簿");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new InvalidDataException("XLSX 文件没有工作表");
        if (firstSheet.Id?.Value is not { } sheetId || workbook.GetPartById(sheetId) is not WorksheetPart sheetPart)
            throw new InvalidDataException("XLSX 文件的第一个工作表无法读取");
        var shared = SharedStrings(workbook);

        using var reader = OpenXmlReader.Create(sheetPart);
        var rowNumber = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                continue;
            rowNumber++;
            // Each row element is small: load it alone, then let it go.
            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var index = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                if (index >= RegisterFileLimits.MaxColumns || cells.Count >= RegisterFileLimits.MaxColumns)
                    throw new InvalidDataException($"第 {rowNumber} 行超过 {RegisterFileLimits.MaxColumns} 列");
                while (cells.Count < index)
                    cells.Add(null);
                var text = CellText(cell, shared);
                if (text is { Length: > RegisterFileLimits.MaxCellChars })
                    throw new InvalidDataException($"第 {rowNumber} 行有超过 {RegisterFileLimits.MaxCellChars} 个字符的单元格");
                cells.Add(text);
            }

            yield return [.. cells];
        }
    }

    /// <summary>
    /// The zip as it declares itself, before any XML is parsed: not too many parts, not too large once expanded, no
    /// part compressed suspiciously well (a "zip bomb"), no DTD in any XML part. Reads only the central directory
    /// and the first bytes of each XML part.
    /// </summary>
    private static void CheckPackage(Stream file)
    {
        if (!file.CanSeek)
            throw new InvalidDataException("XLSX 文件必须可随机读取");
        var start = file.Position;
        using (var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > RegisterFileLimits.MaxParts)
                throw new InvalidDataException($"XLSX 文件的部件超过 {RegisterFileLimits.MaxParts} 个");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > RegisterFileLimits.MaxUncompressedBytes)
                    throw new InvalidDataException($"XLSX 文件解压后超过 {RegisterFileLimits.MaxUncompressedBytes / (1024 * 1024)} MB，请另存为 CSV 或分批导入");
                if (entry.Length > 1024 * 1024 && entry.Length > (long)RegisterFileLimits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                    throw new InvalidDataException($"XLSX 文件的部件「{Short(entry.FullName)}」压缩比异常（超过 {RegisterFileLimits.MaxCompressionRatio} 倍），已拒绝");
                if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                    RefuseDtd(entry);
            }
        }

        file.Position = start;
    }

    /// <summary>A DOCTYPE can only stand in the prolog, before the root element: the first few KiB tell.</summary>
    private static void RefuseDtd(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var head = new byte[4096];
        var length = 0;
        int read;
        while (length < head.Length && (read = stream.Read(head, length, head.Length - length)) > 0)
            length += read;
        var text = Encoding.UTF8.GetString(head, 0, length);
        if (text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || text.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"XLSX 文件的部件「{Short(entry.FullName)}」含有 DTD 或实体声明，已拒绝");
    }

    private static string Short(string name) => name.Length > 80 ? name[..80] + "…" : name;

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
        long chars = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var text = reader.LoadCurrentElement()!.InnerText;
                chars += text.Length;
                if (chars > RegisterFileLimits.MaxSharedStringChars)
                    throw new InvalidDataException("XLSX 文件的共享字符串过大，请另存为 CSV 或分批导入");
                list.Add(text);
            }
        }

        return list;
    }

    /// <summary>"C7" → 2 (zero-based column); a reference beyond the limit answers the limit (refused by the caller).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > RegisterFileLimits.MaxColumns)
                return RegisterFileLimits.MaxColumns;
        }

        return index - 1;
    }

    /// <summary>The sniffed first bytes, then the rest of a stream that cannot seek back.</summary>
    private sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < prefixLength)
            {
                var n = Math.Min(count, prefixLength - _position);
                Array.Copy(prefix, _position, buffer, offset, n);
                _position += n;
                return n;
            }

            return rest.Read(buffer, offset, count);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
