using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions;

/// <summary>
/// What one payer owes for one period in one region, derived from the bills (the sum of that payer's lines), and what
/// has settled it: the person's receipts (counter, tax collection, pension withholding) for the individual part, the
/// payer's transfers (划转/拨付) for the others.
/// </summary>
public sealed record Receivable(string Period, string Payer, string RegionCode, int Bills, decimal Due, decimal Settled)
{
    public decimal Outstanding => Due - Settled;

    /// <summary>The payer's Chinese name (医保统筹基金划转, 财政补助 …).</summary>
    public string PayerName => Domain.Vocabulary.Payer.TryFromCode(Payer, out var payer) ? payer.Name : Payer;
}

internal static class Receivables
{
    /// <summary>Every payer's receivable of <paramref name="period"/> (all periods when null), per region, ordered.</summary>
    public static async Task<List<Receivable>> LoadAsync(ILtcDbContext db, string? period, string? payer, CancellationToken ct)
    {
        var due = await (
                from l in db.ContributionBillLines
                join b in db.ContributionBills on new { l.TenantId, l.BillId } equals new { b.TenantId, BillId = b.Id }
                where (period == null || b.Period == period) && (payer == null || l.Payer == payer) && l.Amount > 0
                group l.Amount by new { b.Period, l.Payer, b.RegionCode } into g
                select new { g.Key.Period, g.Key.Payer, g.Key.RegionCode, Bills = g.Count(), Due = g.Sum() })
            .ToListAsync(ct);
        var paid = payer is null or Payer.Codes.Individual
            ? await (
                    from p in db.ContributionPayments
                    join b in db.ContributionBills on new { p.TenantId, p.BillId } equals new { b.TenantId, BillId = b.Id }
                    where period == null || b.Period == period
                    group p.Amount by new { b.Period, b.RegionCode } into g
                    select new { g.Key.Period, Payer = Payer.Codes.Individual, g.Key.RegionCode, Amount = g.Sum() })
                .ToListAsync(ct)
            : [];
        var transferred = await (
                from l in db.Set<ContributionTransferLine>()
                join t in db.Set<ContributionTransfer>() on new { l.TenantId, l.TransferId } equals new { t.TenantId, TransferId = t.Id }
                where (period == null || t.Period == period) && (payer == null || t.Payer == payer)
                group l.Amount by new { t.Period, t.Payer, l.RegionCode } into g
                select new { g.Key.Period, g.Key.Payer, g.Key.RegionCode, Amount = g.Sum() })
            .ToListAsync(ct);
        var settled = paid.Concat(transferred)
            .ToDictionary(s => (s.Period, s.Payer, s.RegionCode.Trim()), s => s.Amount);
        return [.. due
            .Select(d => new Receivable(d.Period, d.Payer, d.RegionCode.Trim(), d.Bills, d.Due,
                settled.GetValueOrDefault((d.Period, d.Payer, d.RegionCode.Trim()))))
            .OrderBy(r => r.Period, StringComparer.Ordinal)
            .ThenBy(r => PayerOrder(r.Payer))
            .ThenBy(r => r.RegionCode, StringComparer.Ordinal)];
    }

    private static int PayerOrder(string code) =>
        Payer.TryFromCode(code, out var payer) ? Payer.All.ToList().IndexOf(payer) : int.MaxValue;
}
