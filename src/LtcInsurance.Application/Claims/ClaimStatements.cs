using System.Globalization;
using LtcInsurance.Application.Claims.GetBenefitStatement;
using LtcInsurance.Application.Claims.GetProviderStatement;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Providers;

namespace LtcInsurance.Application.Claims;

/// <summary>
/// The statements as files: the provider's monthly statement (结算单) as a PDF notice (ADR 0006) and as an xlsx sheet,
/// and the beneficiary's benefit statement (待遇结算明细) as a PDF. Every line with what the fund pays, what the person
/// pays (for the provider to collect) and why the fund paid less.
/// </summary>
internal static class ClaimStatements
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Issuer = "长期护理保险经办机构";

    private static readonly IReadOnlyList<string> LineHeader =
        ["行号", "服务对象", "身份证号", "服务日期", "项目编码", "项目名称", "类别", "数量", "申报金额", "核定金额", "基金支付", "个人负担", "核减及说明"];

    private static string Yuan(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Reasons(ClaimLineView line) => line.CutReasons.Count == 0 ? "" : string.Join("；", line.CutReasons);

    public static Notice ProviderNotice(ProviderStatement statement, DateOnly issuedOn)
    {
        var blocks = new List<NoticeBlock>
        {
            new NoticeParagraph($"定点护理服务机构：{statement.ProviderName}（{statement.ProviderCode}）", Indent: false),
            new NoticeParagraph($"服务月份：{statement.Month}", Indent: false),
            new NoticeParagraph("申报单：" + (statement.Claims.Count == 0 ? "无" : string.Join("；", statement.Claims.Select(c => $"{c.Number}（{c.StatusName}）"))), Indent: false),
            new NoticeHeading("一、结算汇总"),
            new NoticeTable(["申报金额", "基金支付", "个人负担（由机构向服务对象收取）", "过误追回"],
                [[Yuan(statement.Billed), Yuan(statement.Fund), Yuan(statement.Individual), Yuan(statement.Recovered)]]),
            new NoticeHeading("二、结算明细"),
            new NoticeTable(["行号", "服务对象", "日期", "项目", "数量", "金额", "基金支付", "个人负担", "核减及说明"],
                [.. statement.Lines.Select(l => (IReadOnlyList<string>)
                [
                    l.LineNo.ToString(CultureInfo.InvariantCulture), l.PersonName, Day(l.Day)[5..], $"{l.ItemCode} {l.ItemName}".Trim(),
                    l.Quantity.ToString("0.##", CultureInfo.InvariantCulture), Yuan(l.Amount), Yuan(l.Fund), Yuan(l.Individual), Reasons(l),
                ])],
                [0.6, 1.2, 0.8, 1.8, 0.6, 1, 1, 1, 2.6]),
            new NoticeHeading("三、个人负担（由机构向服务对象收取）"),
            new NoticeTable(["服务对象", "身份证号", "核定金额", "基金支付", "个人负担"],
                [.. statement.ToCollect.Select(s => (IReadOnlyList<string>)[s.PersonName, s.MaskedIdNumber, Yuan(s.Billed), Yuan(s.Fund), Yuan(s.Individual)])]),
        };
        return new Notice("长期护理保险定点护理服务机构结算单", $"{statement.ProviderCode}-{statement.Month}", blocks,
            new NoticeSignature(Issuer, issuedOn, "（系统生成）")) { Subject = statement.ProviderName };
    }

    public static ExportTable ProviderTable(ProviderStatement statement)
    {
        var rows = statement.Lines.Select(l => new object[]
        {
            l.LineNo, l.PersonName, l.MaskedIdNumber, Day(l.Day), l.ItemCode, l.ItemName ?? "", ServiceCatalogueFile.CategoryName(l.Category),
            l.Quantity, l.ClaimedAmount, l.Amount, l.Fund, l.Individual, Reasons(l),
        }).Append(["合计", "", "", "", "", "", "", "", statement.Lines.Sum(l => l.ClaimedAmount), statement.Billed, statement.Fund, statement.Individual,
            statement.Recovered > 0 ? $"过误追回 {Yuan(statement.Recovered)}" : ""]);
        return new ExportTable($"{statement.Month}结算单", LineHeader, rows);
    }

    public static Notice BenefitNotice(BenefitStatement statement, DateOnly issuedOn)
    {
        var blocks = new List<NoticeBlock>
        {
            new NoticeParagraph($"服务对象：{statement.PersonName}（{statement.MaskedIdNumber}）", Indent: false),
            new NoticeParagraph($"服务月份：{statement.Month}", Indent: false),
            new NoticeHeading("一、本月待遇结算"),
            new NoticeTable(["核定金额", "基金支付", "个人负担", "本年度基金已支付"],
                [[Yuan(statement.Billed), Yuan(statement.Fund), Yuan(statement.Individual), Yuan(statement.YearFundPaid)]]),
            new NoticeHeading("二、结算明细"),
            new NoticeTable(["服务机构", "日期", "项目", "数量", "金额", "基金支付", "个人负担", "核减及说明"],
                [.. statement.Lines.Select(s => (IReadOnlyList<string>)
                [
                    s.ProviderName, Day(s.Line.Day)[5..], $"{s.Line.ItemCode} {s.Line.ItemName}".Trim(), s.Line.Quantity.ToString("0.##", CultureInfo.InvariantCulture),
                    Yuan(s.Line.Amount), Yuan(s.Line.Fund), Yuan(s.Line.Individual), Reasons(s.Line),
                ])],
                [1.4, 0.8, 1.8, 0.6, 1, 1, 1, 2.6]),
        };
        return new Notice("长期护理保险待遇结算明细", statement.Month, blocks, new NoticeSignature(Issuer, issuedOn, "（系统生成）"))
        {
            Subject = statement.PersonName,
        };
    }
}
