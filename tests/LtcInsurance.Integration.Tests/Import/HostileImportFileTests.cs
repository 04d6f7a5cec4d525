using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Import.GetImportErrors;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Cli;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LtcInsurance.Integration.Tests.Import;

/// <summary>
/// Files a careless clerk or an attacker hands the import: other encodings, NUL and broken bytes, old line endings,
/// absurd names, zip bombs, DTDs, sheets wider than any register. Each ends in a completed job with the bad rows
/// refused or a failed job with a Chinese reason — quickly, and never in an unhandled exception.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class HostileImportFileTests(RegisterDatabase database, ITestOutputHelper output)
{
    private const string Header = "身份证号码,姓名,所在地区,医保类型";

    static HostileImportFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Id(int day, int sequence) => IdNumber.Create("370811", new DateOnly(1941, 3, day), sequence).Value;

    [Fact]
    public async Task A_GBK_csv_as_Chinese_Excel_saves_it_is_read_and_applied()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining);
        var text = $"{Header}\r\n{Id(1, 11)},国标甲,370811,居民\r\n{Id(2, 12)},国标乙,370811,居民\r\n";

        var job = await host.ImportAsync(new MemoryStream(Encoding.GetEncoding("GB18030").GetBytes(text)), "gbk.csv");

        Assert.Equal(("completed", 2, 2), (job.Status, job.TotalRows, job.ValidRows));
        Assert.Equal(2, await db.InsuredPeople.CountAsync(p => p.Name == "国标甲" || p.Name == "国标乙"));
    }

    [Fact]
    public async Task A_file_in_no_encoding_the_import_knows_fails_with_a_Chinese_reason()
    {
        await using var host = database.Host(TenantIds.Jining);
        var bytes = Encoding.ASCII.GetBytes("a,b\r\n").Concat(Enumerable.Repeat(new byte[] { 0x80, 0xFF, 0x22 }, 200).SelectMany(b => b)).ToArray();

        var job = await host.ImportAsync(new MemoryStream(bytes), "binary.csv");

        Assert.Equal("failed", job.Status);
        Assert.Contains("文件编码不是 UTF-8", job.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_NUL_and_a_byte_that_is_not_UTF8_refuse_their_rows_by_number_and_the_others_are_applied()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining);
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes($"{Header}\r\n{Id(3, 13)},空字\0符,370811,居民\r\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes($"{Id(4, 14)},坏"));
        bytes.AddRange([0xC3, 0x28]);
        bytes.AddRange(Encoding.UTF8.GetBytes($"字节,370811,居民\r\n{Id(5, 15)},好好好,370811,居民\r\n"));

        var job = await host.ImportAsync(new MemoryStream([.. bytes]), "nul.csv");

        Assert.Equal(("completed", 3, 1), (job.Status, job.TotalRows, job.ValidRows));
        var errors = await host.Send(new GetImportErrorsQuery(job.Id));
        Assert.Equal([2, 3], errors.Select(e => e.Row).Distinct().Order());
        Assert.All(errors, e => Assert.Equal(("姓名", RegisterCellText.Problem), (e.Column, e.Message)));
        Assert.Equal(1, await db.InsuredPeople.CountAsync(p => p.Name == "好好好"));
    }

    [Fact]
    public async Task Old_Mac_line_endings_are_rows_too()
    {
        await using var host = database.Host(TenantIds.Jining);
        var text = $"{Header}\r{Id(6, 16)},旧甲,370811,居民\r{Id(7, 17)},旧乙,370811,居民\r";

        var job = await host.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "mac.csv");

        Assert.Equal(("completed", 2, 2), (job.Status, job.TotalRows, job.ValidRows));
    }

    [Fact]
    public async Task A_file_name_of_600_characters_with_paths_and_control_characters_is_stored_cleaned_and_shortened()
    {
        await using var host = database.Host(TenantIds.Jining);
        var name = "../../etc/" + "\u202E\u0001" + new string('名', 600) + ".csv";

        var job = await host.ImportAsync(
            new MemoryStream(Encoding.UTF8.GetBytes($"{Header}\n{Id(8, 18)},长名,370811,居民\n")), name);

        Assert.Equal("completed", job.Status);
        Assert.InRange(job.FileName.Length, 200, 260);
        Assert.EndsWith(".csv", job.FileName, StringComparison.Ordinal);
        Assert.StartsWith("名名", job.FileName, StringComparison.Ordinal);
        Assert.DoesNotContain(job.FileName, c => c is '/' or '\\' or '\u202E' || char.IsControl(c));
    }

    [Fact]
    public async Task A_quote_left_open_fails_the_file_at_its_row_instead_of_swallowing_it()
    {
        await using var host = database.Host(TenantIds.Jining);
        var text = $"{Header}\n{Id(9, 19)},\"开引号,370811,居民\n" + string.Concat(Enumerable.Repeat("x,y,z\n", 5000));

        var job = await host.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "quote.csv");

        Assert.Equal("failed", job.Status);
        Assert.Contains("第 2 行", job.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xlsx_zip_bomb_is_refused_from_its_declared_sizes_quickly_and_without_expanding_it()
    {
        await using var host = database.Host(TenantIds.Jining);
        // 100 MB of zeros as the sheet: about 100 KB compressed.
        var bomb = Workbook(sheet: null, zeros: 100 * 1024 * 1024);
        output.WriteLine($"bomb: {bomb.Length:N0} bytes");
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();

        var job = await host.ImportAsync(bomb, "bomb.xlsx");

        clock.Stop();
        var megabytes = (GC.GetTotalAllocatedBytes() - allocated) / (1024 * 1024);
        output.WriteLine($"refused in {clock.ElapsedMilliseconds} ms, {megabytes} MB allocated (process-wide)");
        Assert.Equal("failed", job.Status);
        Assert.Contains("压缩比异常", job.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task An_xlsx_whose_parts_declare_a_DTD_is_refused_before_any_entity_is_expanded()
    {
        await using var host = database.Host(TenantIds.Jining);
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>&lol2;&xxe;</t></is></c></row></sheetData></worksheet>
            """;

        var job = await host.ImportAsync(Workbook(laughs), "dtd.xlsx");

        Assert.Equal("failed", job.Status);
        Assert.Contains("DTD", job.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_far_to_the_right_fails_the_file_instead_of_filling_millions_of_empty_cells()
    {
        await using var host = database.Host(TenantIds.Jining);
        const string wide = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>身份证号码</t></is></c><c r="ZZZZZZZ1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>
            """;
        var clock = Stopwatch.StartNew();

        var job = await host.ImportAsync(Workbook(wide), "wide.xlsx");

        Assert.Equal("failed", job.Status);
        Assert.Contains($"超过 {RegisterFileLimits.MaxColumns} 列", job.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_CLI_refuses_a_zip_bomb_with_a_Chinese_line_a_non_zero_exit_and_no_stack_trace()
    {
        var file = Path.Combine(Path.GetTempPath(), "ltc-bomb-" + Guid.NewGuid().ToString("N")[..8] + ".xlsx");
        try
        {
            await using (var stream = File.Create(file))
                await Workbook(sheet: null, zeros: 50 * 1024 * 1024).CopyToAsync(stream);

            var (code, stdout, stderr) = await CliFailureTests.RunAsync(
                ["import", "register", "--tenant", TenantIds.Jining, "--file", file, "--connection", database.Server.AppConnectionString]);

            Assert.NotEqual(0, code);
            Assert.Contains("压缩比异常", stdout + stderr, StringComparison.Ordinal);
            CliFailureTests.AssertNoStackTrace(stdout + stderr);
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".errors.csv");
        }
    }

    /// <summary>A minimal workbook package whose only sheet is <paramref name="sheet"/> (or that many zero bytes).</summary>
    private static MemoryStream Workbook(string? sheet, int zeros = 0)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="参保人员" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            if (sheet is not null)
            {
                Add("xl/worksheets/sheet1.xml", sheet);
            }
            else
            {
                using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
                var chunk = new byte[1024 * 1024];
                for (var written = 0; written < zeros; written += chunk.Length)
                    entry.Write(chunk, 0, Math.Min(chunk.Length, zeros - written));
            }
        }

        stream.Position = 0;
        return stream;
    }
}
