using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Auditing.SearchAuditEvents;

/// <summary>One page of the tenant's audit trail under the filter, newest first. Auditors only (separate duties: not the admin).</summary>
[RequiresRole(Roles.Auditor)]
public sealed record SearchAuditEventsQuery(AuditEventFilter Filter, int Skip, int Take) : IRequest<Page<AuditEventView>>;
