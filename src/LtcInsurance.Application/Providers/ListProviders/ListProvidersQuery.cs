using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Providers.ListProviders;

/// <summary>
/// One page of the provider register, by agreement code. <paramref name="Text"/>: a fragment of the code or name;
/// <paramref name="Kind"/>: a <see cref="Domain.Providers.ProviderKinds"/> code; <paramref name="Mode"/>: a service-mode code.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record ListProvidersQuery(
    string? Text = null,
    string? Kind = null,
    InstitutionStatus? Status = null,
    string? Mode = null,
    int PageNumber = 1,
    int PageSize = ListProvidersQuery.DefaultPageSize) : IRequest<Page<ProviderSummary>>
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 200;
}
