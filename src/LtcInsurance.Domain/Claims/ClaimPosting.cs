using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Claims;

/// <summary>
/// The claims path in the books. Approval: one entry per provider-month claim, debiting benefit expense by service mode
/// (5101.xx) and crediting the payable to care providers (2101 应付护理服务机构款); its source document is the claim (its
/// number), whose lines the statement lists. 拨付: debit the payable, credit the fund's special account (1001), net of the
/// recoveries deducted. 过误: the recovered line's fund amount is taken back out of expense (debit 2101, credit 5101.xx),
/// which leaves the provider owing it until the next payment deducts it. Accounts go to the provider's region's
/// sub-ledger where the tenant keeps one (<paramref name="account"/> maps city code and region to the code to use).
/// </summary>
public static class ClaimPosting
{
    public static EntryDraft? Payable(Claim claim, string providerName, string region, DateOnly businessDate, Func<string, string, string> account)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Payable(claim, [.. claim.Lines.Select(l => (l.ServiceMode, l.Fund))], providerName, region, businessDate, account);
    }

    /// <summary>The same entry from the claim's lines' (service mode, fund) when the lines are not loaded (bulk approval).</summary>
    public static EntryDraft? Payable(Claim claim, IReadOnlyList<(string ServiceMode, decimal Fund)> lines, string providerName, string region,
        DateOnly businessDate, Func<string, string, string> account)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(account);
        var byMode = lines.Where(l => l.Fund > 0)
            .GroupBy(l => l.ServiceMode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Mode: ServiceModes.Terms.Parse(g.Key, "服务方式"), Amount: g.Sum(l => l.Fund)))
            .ToList();
        var total = byMode.Sum(m => m.Amount);
        if (total <= 0)
            return null;
        var postings = byMode.Select(m => Posting.Debit(account(StandardChart.BenefitExpense(m.Mode), region), m.Amount)).ToList();
        postings.Add(Posting.Credit(account(StandardChart.PayableToInstitutions, region), total));
        return new EntryDraft(businessDate, Trim($"护理服务费用审定 {providerName} {claim.Month} {claim.Number}（{lines.Count} 条明细）"),
            new SourceDocument(SourceDocumentType.Claim, claim.Number), $"claim:{claim.Id:N}:payable", postings);
    }

    public static EntryDraft Recovery(Claim claim, ClaimLine line, ClaimRecovery recovery, string region, DateOnly businessDate, Func<string, string, string> account)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(account);
        var mode = ServiceModes.Terms.Parse(line.ServiceMode, "服务方式");
        return new EntryDraft(businessDate, Trim($"过误追回 {claim.Number} 第 {line.LineNo} 条：{recovery.Reason}"),
            new SourceDocument(SourceDocumentType.Claim, claim.Number), $"claim-line:{line.Id:N}:recovery",
            [Posting.Debit(account(StandardChart.PayableToInstitutions, region), recovery.Amount),
             Posting.Credit(account(StandardChart.BenefitExpense(mode), region), recovery.Amount)]);
    }

    /// <summary>The payment of a batch: net amount per region (regions in code order).</summary>
    public static EntryDraft? Payment(PaymentBatch batch, IReadOnlyList<(string Region, decimal Net)> netByRegion, DateOnly paidOn, Func<string, string, string> account)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(netByRegion);
        ArgumentNullException.ThrowIfNull(account);
        var postings = new List<Posting>();
        foreach (var (region, net) in netByRegion.Where(r => r.Net > 0).OrderBy(r => r.Region, StringComparer.Ordinal))
        {
            postings.Add(Posting.Debit(account(StandardChart.PayableToInstitutions, region), net));
            postings.Add(Posting.Credit(account(StandardChart.FundSpecialAccount, region), net));
        }

        return postings.Count == 0 ? null
            : new EntryDraft(paidOn, $"护理服务费用拨付 批次 {batch.Number}", new SourceDocument(SourceDocumentType.Settlement, batch.Number),
                $"payment-batch:{batch.Id:N}", postings);
    }

    private static string Trim(string text) => text.Length <= 500 ? text : text[..500];
}
