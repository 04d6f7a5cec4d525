using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using LtcInsurance.Application.Common.Export;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// Exports of a million rows (the register, the journal) written as the rows arrive, with the same cells as
/// <see cref="LedgerExport"/> (amounts as numbers, formula-like text neutralised). CSV goes out as it is written. XLSX is
/// a zip written forward only (so it can go straight to a response body that cannot seek): the small parts are written
/// whole, the sheet with <see cref="OpenXmlPartWriter"/> (SAX), one row at a time.
/// </summary>
internal sealed class StreamingTableWriter : IStreamingTableWriter
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public async Task<long> WriteAsync(StreamedTable table, ExportFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        return format == ExportFormat.Csv
            ? await WriteCsvAsync(table, output, cancellationToken)
            : await WriteXlsxAsync(table, output, cancellationToken);
    }

    private static async Task<long> WriteCsvAsync(StreamedTable table, Stream output, CancellationToken cancellationToken)
    {
        // The CSV writer and its StreamWriter write synchronously whenever their buffers fill, and a response body refuses
        // synchronous writes: they write into this buffer, which goes out asynchronously every few thousand rows.
        var buffer = new MemoryStream();
        long rows = 0;
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true))
        await using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true))
        {
            foreach (var h in table.Header)
                csv.WriteField(h);
            csv.EndRecord();
            csv.Flush();
            await writer.FlushAsync(cancellationToken);
            await DrainAsync(buffer, output, cancellationToken);
            await foreach (var row in table.Rows.WithCancellation(cancellationToken))
            {
                foreach (var cell in row)
                    csv.WriteField(LedgerExport.CsvText(cell));
                csv.EndRecord();
                if (++rows % 2048 == 0)
                {
                    csv.Flush();
                    await writer.FlushAsync(cancellationToken);
                    await DrainAsync(buffer, output, cancellationToken);
                }
            }
            csv.Flush();
            await writer.FlushAsync(cancellationToken);
        }
        await DrainAsync(buffer, output, cancellationToken);
        return rows;
    }

    private static async Task<long> WriteXlsxAsync(StreamedTable table, Stream output, CancellationToken cancellationToken)
    {
        // ZipArchive and the SAX writer write synchronously: they write into this buffer, which goes out asynchronously
        // between rows (a response body refuses synchronous writes).
        var buffer = new MemoryStream();
        long rows = 0;
        using (var zip = new ZipArchive(new ForwardOnly(buffer), ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """);
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            var sheetName = table.SheetName.Length > 31 ? table.SheetName[..31] : table.SheetName;
            var workbook = new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = sheetName }));
            workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
            Part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + workbook.OuterXml);
            Part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """);
            Part(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + LedgerExport.Styles().OuterXml);
            await DrainAsync(buffer, output, cancellationToken);

            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
            using (var sheet = entry.Open())
            using (var writer = new OpenXmlPartWriter(sheet, Encoding.UTF8))
            {
                writer.WriteStartDocument(true);
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                writer.WriteElement(new Row(table.Header.Select(h =>
                    new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(h)) })));
                await foreach (var row in table.Rows.WithCancellation(cancellationToken))
                {
                    writer.WriteElement(new Row(row.Select(LedgerExport.ToCell)));
                    if (++rows % 1024 == 0)
                        await DrainAsync(buffer, output, cancellationToken);
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.Close();
            }
        }
        await DrainAsync(buffer, output, cancellationToken);
        return rows;
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = Encoding.UTF8.GetBytes(xml);
        stream.Write(bytes);
    }

    /// <summary>Sends what the zip wrote so far and empties the buffer.</summary>
    private static async Task DrainAsync(MemoryStream buffer, Stream output, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0)
            return;
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        await output.FlushAsync(cancellationToken);
        buffer.SetLength(0);
    }

    /// <summary>The buffer as a stream that cannot seek, so that the zip is written forward only (data descriptors).</summary>
    private sealed class ForwardOnly(MemoryStream inner) : Stream
    {
        private long position;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            position += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            position += buffer.Length;
        }
    }
}
