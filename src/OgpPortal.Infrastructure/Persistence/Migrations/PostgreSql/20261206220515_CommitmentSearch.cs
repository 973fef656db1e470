using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <summary>
    /// Full-text search over the commitments' text (ADR 0007, ADR 0016): a stored, generated <c>tsvector</c> column
    /// with a GIN index, built with the text search configuration <c>portal_search</c>: <c>unaccent</c> then
    /// <c>simple</c>, so case and accents are folded (<c>contratacion</c> finds <c>contratación</c>, and <c>ø</c>
    /// folds to <c>o</c>), with no stemming and no stop words, as on the other engines. Titles weigh A, texts B.
    /// The column is not in the EF model (like SQLite's FTS5 table): a later migration that changes the type of
    /// one of the five columns must drop the column first and add it again with this SQL.
    /// </summary>
    public partial class CommitmentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // unaccent is a trusted extension (PostgreSQL 13+): the database's owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("""
                CREATE TEXT SEARCH CONFIGURATION portal_search (COPY = pg_catalog.simple);
                ALTER TEXT SEARCH CONFIGURATION portal_search ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "Commitments" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('portal_search', coalesce("Title", '') || ' ' || coalesce("ShortTitle", '')), 'A') ||
                    setweight(to_tsvector('portal_search', coalesce("Problem", '') || ' ' || coalesce("Description", '') || ' ' || coalesce("Solution", '')), 'B')
                ) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Commitments_SearchVector" ON "Commitments" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Commitments_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Commitments" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_search;");
        }
    }
}
