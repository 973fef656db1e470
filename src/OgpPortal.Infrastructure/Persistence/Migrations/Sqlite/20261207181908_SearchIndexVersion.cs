using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicContentVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicContentVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "PublicContentVersions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            // Issue 21: accents folded on every engine. The FTS5 index is made again with remove_diacritics 2
            // (é, è, ê are e; ç is c; ñ is n), as PostgreSQL's unaccent and SQL Server's accent-insensitive
            // catalog do. Letters that are not a base letter with a mark (ø, æ, ß) stay themselves here, while
            // unaccent makes ø an o: 'born' finds 'børn' on PostgreSQL only. The triggers name the table and
            // keep working with the new one.
            migrationBuilder.Sql("""DROP TABLE "CommitmentsSearch";""");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CommitmentsSearch" USING fts5(
                    "Title", "ShortTitle", "Problem", "Description", "Solution",
                    content='Commitments', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""INSERT INTO "CommitmentsSearch"("CommitmentsSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicContentVersions");

            migrationBuilder.Sql("""DROP TABLE "CommitmentsSearch";""");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CommitmentsSearch" USING fts5(
                    "Title", "ShortTitle", "Problem", "Description", "Solution",
                    content='Commitments', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""INSERT INTO "CommitmentsSearch"("CommitmentsSearch") VALUES ('rebuild');""");
        }
    }
}
