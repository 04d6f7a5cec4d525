using System.Text;
using System.Text.RegularExpressions;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Documents.RenderConclusionLetter;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Documents;
using PdfSharp.Pdf.IO;

namespace LtcInsurance.Integration.Tests.Documents;

/// <summary>
/// The conclusion letter as a PDF: it parses, has pages, embeds the Chinese font (a subset, with a ToUnicode map so the
/// text can be copied), masks the ID number, and a long table runs onto further pages with page numbers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ConclusionLetterTests(PostgresFixture db)
{
    private static ConclusionLetter Letter(int dimensions = 3) => new(
        "济评结〔2026〕第 0001 号", "张三", "320102194905051234", "重度失能二级", "长期护理失能等级评估标准（试行）",
        [.. Enumerable.Range(0, dimensions).Select(i => i switch
        {
            0 => new DimensionScore("日常生活活动能力", 35, 100, "重度受损"),
            1 => new DimensionScore("认知能力", 2, 16, "轻度受损"),
            2 => new DimensionScore("感知觉与沟通能力", 3, 12, "轻度受损"),
            _ => new DimensionScore($"测试维度 {i}", i, 100),
        })],
        new DateOnly(2026, 10, 13), new DateOnly(2028, 10, 12),
        "可在收到本结论书之日起按本市规定的期限内以书面形式提出复评申请，并说明理由",
        "济宁市医疗保障局长期护理保险经办窗口（测试地址）", "济宁市测试评估机构", new DateOnly(2026, 10, 13));

    [Fact]
    public async Task The_conclusion_letter_is_a_pdf_with_the_chinese_font_embedded()
    {
        await using var clerk = UseCaseHost.For(db.AppConnectionString, TenantIds.Jining, Roles.Clerk);

        var file = await clerk.Send(new RenderConclusionLetterQuery(Letter()));

        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("失能等级评估结论书-张三-20261013.pdf", file.FileName);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(file.Content, 0, 5), StringComparison.Ordinal);
        using var stream = new MemoryStream(file.Content);
        using var parsed = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        Assert.Equal(1, parsed.PageCount);
        Assert.Equal("长期护理保险失能等级评估结论书", parsed.Info.Title);
        var raw = Encoding.Latin1.GetString(file.Content);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal); // TrueType program embedded
        Assert.Matches(SubsetFont(), raw); // as a subset: /BaseFont/ABCDEF+...
        Assert.Contains("/ToUnicode", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letter_masks_the_id_number_and_states_validity_and_objection()
    {
        var notice = ConclusionLetterNotice.Compose(Letter());
        var text = string.Join("\n", notice.Blocks.OfType<NoticeParagraph>().Select(p => p.Text));

        Assert.Contains("3201**********1234", text, StringComparison.Ordinal);
        Assert.DoesNotContain("320102194905051234", text, StringComparison.Ordinal);
        Assert.Contains("重度失能二级", text, StringComparison.Ordinal);
        Assert.Contains("2026年10月13日至2028年10月12日", text, StringComparison.Ordinal);
        Assert.Contains("济宁市医疗保障局长期护理保险经办窗口", text, StringComparison.Ordinal);
        var table = Assert.Single(notice.Blocks.OfType<NoticeTable>());
        Assert.Equal(new[] { "评估维度", "得分", "满分", "维度结果" }, table.Header);
        Assert.Equal(new[] { "日常生活活动能力", "35", "100", "重度受损" }, table.Rows[0]);
    }

    [Fact]
    public void A_long_notice_runs_onto_further_pages()
    {
        var pdf = new PdfNoticeRenderer().RenderPdf(ConclusionLetterNotice.Compose(Letter(dimensions: 30)) with
        {
            Blocks = [.. ConclusionLetterNotice.Compose(Letter(dimensions: 30)).Blocks,
                .. Enumerable.Repeat(new NoticeParagraph(string.Concat(Enumerable.Repeat("长期护理保险 long-term care insurance ", 40))), 4)],
        });

        using var parsed = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.True(parsed.PageCount >= 2, $"{parsed.PageCount} page(s)");
    }

    [Fact]
    public async Task An_incomplete_letter_is_refused_with_every_problem()
    {
        await using var clerk = UseCaseHost.For(db.AppConnectionString, TenantIds.Jining, Roles.Clerk);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => clerk.Send(new RenderConclusionLetterQuery(
            Letter() with { PersonName = "", Scores = [], ValidTo = new DateOnly(2026, 1, 1), ObjectionPlace = null })));

        Assert.Equal(4, refused.Problems.Count);
        Assert.Contains(refused.Problems, p => p.Message.Contains("异议的地点", StringComparison.Ordinal) || p.Message.Contains("受理异议", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_truetype_outlines_are_used_and_a_collection_is_unpacked()
    {
        var (path, data) = CjkFont.Load();
        Assert.True(File.Exists(path));
        Assert.Equal(0x00010000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data));

        Assert.Null(CjkFont.FirstFace(Encoding.ASCII.GetBytes("OTTO\0\u0001\0\0\0\0\0\0"), out var cff));
        Assert.Contains("CFF", cff, StringComparison.Ordinal);
        Assert.Null(CjkFont.FirstFace(Encoding.ASCII.GetBytes("not a font at all"), out _));
    }

    [GeneratedRegex(@"/BaseFont/[A-Z]{6}\+")]
    private static partial Regex SubsetFont();
}
