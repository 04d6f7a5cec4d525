using System.IO.Compression;
using System.Net;
using System.Text;
using LtcInsurance.Web.Tests.Hosting;
using Npgsql;

namespace LtcInsurance.Web.Tests.People;

/// <summary>
/// The register and journal downloads stream (issue #15 item 7): the response, its headers and its first bytes, reach the
/// client while the query for the rows cannot even have run yet (the owner holds an exclusive lock on the table it reads,
/// and the test sees that query waiting for the lock); once the lock goes, the rest of the file follows. A buffered
/// download would send nothing until the whole file was written, so this test would wait in vain. No timing is measured.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class StreamedExportTests(LtcWebHost host)
{
    [Theory]
    [InlineData("clerk.zhenjiang", "/people/export.csv", "insured_people")]
    [InlineData("clerk.zhenjiang", "/people/export.xlsx", "insured_people")]
    [InlineData("auditor.zhenjiang", "/ledger/export/journal.csv", "journal_postings")]
    [InlineData("auditor.zhenjiang", "/ledger/export/journal.xlsx", "journal_postings")]
    public async Task The_download_starts_before_the_rows_are_read_and_then_completes(string user, string path, string table)
    {
        using var client = host.CreateBrowserLikeClient();
        client.Timeout = Timeout.InfiniteTimeSpan;
        await SignIn.SignInAsync(client, user);

        await using var owner = new NpgsqlConnection(host.OwnerConnectionString);
        await owner.OpenAsync();
        var locked = await owner.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", owner, locked))
            await lockTable.ExecuteNonQueryAsync();

        HttpResponseMessage response;
        Stream body;
        byte[] first;
        try
        {
            response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromMinutes(2));
            body = await response.Content.ReadAsStreamAsync();
            first = new byte[2];
            await body.ReadExactlyAsync(first).AsTask().WaitAsync(TimeSpan.FromMinutes(2));
            // The export's query is still waiting for the table: the bytes above were sent before any row was read.
            // Looked for from a connection of its own, one transaction per look: a backend keeps the pg_stat_activity it
            // read first until its transaction ends, so looking inside the locking transaction would see, however often
            // it looked, only the sessions of its first look (the xlsx query goes out a little later than the CSV one:
            // the zip's fixed parts and the sheet's writer come first, and the first look could come before it).
            await using var watcher = new NpgsqlConnection(host.OwnerConnectionString);
            await watcher.OpenAsync();
            await using var waiting = new NpgsqlCommand($"""
                SELECT count(*) FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock' AND pid <> {owner.ProcessID} AND query LIKE '%{table}%'
                   AND pid <> pg_backend_pid()
                """, watcher);
            // The query goes out right after the first bytes: look until it is seen (it cannot finish while locked).
            var seen = false;
            for (var i = 0; i < 600 && !seen; i++)
            {
                seen = (long)(await waiting.ExecuteScalarAsync())! >= 1;
                if (!seen)
                    await Task.Delay(100);
            }
            Assert.True(seen, "the export's query was never seen waiting for the lock");
        }
        finally
        {
            await locked.RollbackAsync();
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Content.Headers.ContentLength); // the size is not known up front: the file is not in memory
            // the rest from the stream already opened (the content can be read once)
            using var restOfBody = new MemoryStream();
            await body.CopyToAsync(restOfBody).WaitAsync(TimeSpan.FromMinutes(2));
            await body.DisposeAsync();
            var rest = restOfBody.ToArray();
            var file = first.Concat(rest).ToArray();
            if (path.EndsWith(".csv", StringComparison.Ordinal))
            {
                Assert.Equal([0xEF, 0xBB], first); // the BOM went out first
                var lines = Encoding.UTF8.GetString(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.True(lines.Length > 2, "the rows followed the header");
            }
            else
            {
                Assert.Equal("PK"u8.ToArray(), first);
                using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
                using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
                var xml = await sheet.ReadToEndAsync();
                Assert.True(xml.Split("<x:row").Length + xml.Split("<row").Length > 4, "the rows followed the header");
            }
        }
    }
}
