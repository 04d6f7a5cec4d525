using System.Globalization;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims;

/// <summary>A return code with its published text and clause.</summary>
public sealed record ReturnCodeView(string Code, string Text, string Clause, string Severity);

/// <summary>
/// One line as statements and the claim page show it: claimed and kept amounts, what the fund and the person pay, and
/// every reason the fund paid less (<see cref="CutReasons"/>, in Chinese).
/// </summary>
public sealed record ClaimLineView(
    int LineNo, Guid PersonId, string PersonName, string MaskedIdNumber, DateOnly Day, string ItemCode, string? ItemName, string Category,
    string ServiceMode, decimal Quantity, decimal ClaimedAmount, decimal Amount, decimal Fund, decimal Individual, string? Rejection,
    IReadOnlyList<string> Notices, string? AdjustReason, bool Recovered, string? RecoveryReason, string? CareWorkerName,
    IReadOnlyList<string> CutReasons);

internal static class ClaimViews
{
    public static ReturnCodeView Code(ClaimReturnCode code) =>
        new(code.Code, code.Text, code.Clause, code.Severity == ReturnSeverity.Refuse ? "refuse" : "cut");

    public static string RejectionText(string reason) => reason switch
    {
        RejectionReasons.NotEntitled => "服务当日不在待遇享受期内",
        RejectionReasons.Hospitalized => "住院期间暂停长护险待遇",
        RejectionReasons.NotCoveredCategory => "该费用类别不属于基金支付范围",
        RejectionReasons.MonthlyLimit => "超过月度支付限额",
        RejectionReasons.AnnualCap => "超过年度基金支付上限",
        _ => reason,
    };

    /// <summary>The Chinese reasons of a line's cuts, with the reductions of its beneficiary's settlement.</summary>
    public static List<string> CutReasons(ClaimLine line, string? reductions)
    {
        var reasons = new List<string>();
        reasons.AddRange(line.Notices.Where(ClaimReturnCodes.IsKnown).Select(c => ClaimReturnCodes.Get(c).Text));
        if (line.Rejection is { } rejection)
            reasons.Add(RejectionText(rejection));
        if (line.AdjustReason is { } adjust)
            reasons.Add(FormattableString.Invariant($"审核核减 {line.ClaimedAmount:0.00} → {line.Amount:0.00}：{adjust}"));
        if (line.Rejection is null && line.Individual > 0)
        {
            reasons.Add("按基金支付比例或定额计算，其余由个人负担");
            foreach (var part in (reductions ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var pieces = part.Split('=');
                var amount = pieces.Length > 1 && decimal.TryParse(pieces[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : 0m;
                reasons.Add(FormattableString.Invariant($"{RejectionText(pieces[0])}（该服务对象当月共减少 {amount:0.00} 元）"));
            }
        }

        if (line.Recovered)
            reasons.Add($"过误追回：{line.RecoveryReason}");
        return reasons;
    }

    public static async Task<List<ClaimLineView>> LinesAsync(ILtcDbContext db, IReadOnlyList<ClaimLine> lines,
        IReadOnlyList<ClaimSettlement> settlements, CancellationToken cancellationToken)
    {
        var personIds = lines.Select(l => l.PersonId).Distinct().ToList();
        var people = await db.InsuredPeople.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.Name, p.IdNumber.Masked), cancellationToken);
        var codes = lines.Select(l => l.ItemCode).Distinct().ToList();
        var items = (await db.Set<ServiceItem>().AsNoTracking().Where(i => codes.Contains(i.Code)).ToListAsync(cancellationToken))
            .ToLookup(i => i.Code, StringComparer.Ordinal);
        var workerIds = lines.Where(l => l.CareWorkerId is not null).Select(l => l.CareWorkerId!.Value).Distinct().ToList();
        var workers = await db.Set<CareWorker>().AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
        var reductions = settlements.GroupBy(s => (s.ClaimId, s.PersonId, s.EntitlementId)).ToDictionary(g => g.Key, g => g.First().Reductions);
        return
        [
            .. lines.OrderBy(l => l.LineNo).Select(l =>
            {
                var (name, masked) = people.TryGetValue(l.PersonId, out var p) ? p : ("", "");
                var item = items[l.ItemCode].Where(i => i.ValidFrom <= l.Day && (i.ValidTo is null || l.Day <= i.ValidTo)).Select(i => i.Name).FirstOrDefault();
                return new ClaimLineView(l.LineNo, l.PersonId, name, masked, l.Day, l.ItemCode, item, l.Category, l.ServiceMode, l.Quantity,
                    l.ClaimedAmount, l.Amount, l.Fund, l.Individual, l.Rejection, l.Notices, l.AdjustReason, l.Recovered, l.RecoveryReason,
                    l.CareWorkerId is { } w && workers.TryGetValue(w, out var worker) ? worker : null,
                    CutReasons(l, reductions.GetValueOrDefault((l.ClaimId, l.PersonId, l.EntitlementId))));
            }),
        ];
    }
}
