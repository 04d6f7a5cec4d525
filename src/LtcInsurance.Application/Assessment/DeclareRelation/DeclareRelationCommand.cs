using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Assessment.DeclareRelation;

/// <summary>An assessor declares a relation to a person (亲属、雇佣、护理等利害关系); they are then recused from that person.</summary>
[RequiresRole(Roles.Assessor, Roles.Clerk, Roles.Admin)]
public sealed record DeclareRelationCommand(Guid AssessorId, PersonId PersonId, string Relation, DateOnly DeclaredOn) : IRequest<Guid>;
