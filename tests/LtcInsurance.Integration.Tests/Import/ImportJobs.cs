using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Import.GetImportJob;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Application.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Integration.Tests.Import;

/// <summary>Imports as the page does (the file queued with a background job), then runs that job in process as the CLI does.</summary>
internal static class ImportJobs
{
    public static async Task<ImportJobView> ImportAsync(this UseCaseHost host, Stream file, string fileName)
    {
        var queued = await host.Send(new StartRegisterImportCommand(file, fileName));
        Assert.Equal("queued", queued.Status);
        var tenant = host.Services.GetRequiredService<ILtcDbContext>().CurrentTenantId!;
        Assert.True(await host.Services.GetRequiredService<JobWorker>().RunJobAsync(tenant, queued.Id), "the import's job was not queued");
        return (await host.Send(new GetImportJobQuery(queued.Id)))!;
    }
}
