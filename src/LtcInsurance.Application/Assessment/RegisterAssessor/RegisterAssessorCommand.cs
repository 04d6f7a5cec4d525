using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.RegisterAssessor;

/// <summary>
/// Registers a member of an agency's staff: 评估员 or 评估专家 (<see cref="Domain.Assessment.AssessorQualifications"/>) with
/// the certificate number; <see cref="UserName"/> is the sign-in they confirm conclusions with.
/// </summary>
[RequiresRole(Roles.Admin, Roles.Clerk)]
public sealed record RegisterAssessorCommand(Guid AgencyId, string Name, string Qualification, string CertificateNumber, string? UserName = null) : IRequest<Guid>;
