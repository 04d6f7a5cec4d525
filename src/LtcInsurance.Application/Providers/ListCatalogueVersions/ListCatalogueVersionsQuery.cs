using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.ListCatalogueVersions;

/// <summary>The imported catalogue versions, newest first: first day, file, items, who imported it when.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record ListCatalogueVersionsQuery : IRequest<IReadOnlyList<CatalogueVersionView>>;

public sealed record CatalogueVersionView(Guid Id, DateOnly ValidFrom, string FileName, string Sha256, int ItemCount, string ImportedBy, DateTimeOffset ImportedAt);
