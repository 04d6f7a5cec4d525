using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Auditing.ExportAuditEvents;

/// <summary>
/// The audit trail under the filter, oldest first, as CSV or XLSX (审计日志), at most <see cref="MaxRows"/> lines;
/// the export itself is on record. Auditors only.
/// </summary>
[RequiresRole(Roles.Auditor)]
public sealed record ExportAuditEventsQuery(AuditEventFilter Filter, ExportFormat Format) : IRequest<ExportedFile>
{
    public const int MaxRows = 100_000;
}
