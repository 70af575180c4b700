// @ts-check

/**
 * One row per DataProduct the plugin has seen in the catalog, refreshed on
 * every sighting. The catalog forgets a product the moment its file stops
 * defining it (an invalid rename, an emptied file): this is the memory that
 * lets the lifecycle API list products that went missing, with where they
 * were last defined.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('product_sightings', table => {
    table.comment('DataProducts seen in the catalog, for finding missing ones');
    table
      .string('entity_ref', 255)
      .primary()
      .comment('the data product, as a full entity ref');
    table
      .string('owner', 255)
      .nullable()
      .comment('spec.owner as a full entity ref, when it had one');
    table.string('title', 255).nullable().comment('metadata.title');
    table
      .string('stage', 32)
      .nullable()
      .comment('spec.lifecycle.stage at the last sighting');
    table
      .text('location')
      .nullable()
      .comment('backstage.io/managed-by-location: the file that defined it');
    table
      .timestamp('first_seen_at', { useTz: true })
      .notNullable()
      .comment('the first sighting');
    table
      .timestamp('last_seen_at', { useTz: true })
      .notNullable()
      .comment('the latest sighting');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('product_sightings');
};
