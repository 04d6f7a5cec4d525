using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.ListReceivables;

/// <summary>
/// Receivables of the current tenant per payer and region (应收与到账), derived from the bills: what each payer owes of
/// a period, what has settled it and what is outstanding. With <paramref name="OutstandingOnly"/>: the arrears per payer
/// and per region (欠费：按缴费方、按区域).
/// </summary>
/// <param name="Period">Null or blank: every period.</param>
/// <param name="Payer">Null or blank: every payer.</param>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record ListReceivablesQuery(string? Period, bool OutstandingOnly = false, string? Payer = null)
    : IRequest<IReadOnlyList<Receivable>>;
