using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.ImportServiceCatalogue;

/// <summary>
/// An admin imports the tenant's service catalogue (服务项目目录) from a file (csv or xlsx, by <paramref name="FileName"/>'s
/// extension; the template's columns), valid from <paramref name="ValidFrom"/>. All or nothing: every row is checked and
/// every problem is reported row by row (also as a downloadable report); with any problem nothing changes. A new version
/// replaces the whole catalogue: the current items are closed the day before <paramref name="ValidFrom"/>, which must be
/// later than the current version's first day.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ImportServiceCatalogueCommand(Stream File, string FileName, DateOnly ValidFrom) : IRequest<CatalogueImportResult>;

/// <param name="Imported">The catalogue was replaced; false: nothing changed and <paramref name="Errors"/> says why.</param>
/// <param name="ClosedCount">Items of the previous version closed.</param>
/// <param name="ErrorReport">The problems as a CSV file (错误报告), when there are any.</param>
public sealed record CatalogueImportResult(
    bool Imported,
    int ItemCount,
    int ClosedCount,
    Guid? VersionId,
    IReadOnlyList<CatalogueRowError> Errors,
    ExportedFile? ErrorReport);
