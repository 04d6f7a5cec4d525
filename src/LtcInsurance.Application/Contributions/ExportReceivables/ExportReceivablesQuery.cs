using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.ExportReceivables;

/// <summary>The receivables per payer and region (or only the arrears) of one period or of all, as csv or xlsx.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record ExportReceivablesQuery(string? Period, bool OutstandingOnly, ExportFormat Format) : IRequest<ExportedFile>;
