using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Application.People.GetContinuity;

/// <summary>
/// The person's continuity on <see cref="AsOf"/> for the waiting-period rule (YL 二(四)5 激励约束): insured since when,
/// the gaps so far (unpaid own contributions count as gaps), newborn or not. Null: not insured that day, or no
/// such person in the current tenant.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetContinuityQuery(PersonId PersonId, DateOnly AsOf) : IRequest<Enrolment?>;
