package dev.daalu.server.routing;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The model catalog ({@code catalog.json} beside this class): the single source of truth for the models Daalu
 * runs, their hardware needs and context windows. Context budgets read the window from here.
 */
public final class ModelCatalog {

    private final List<CatalogModel> models;
    private final String defaultId;

    public ModelCatalog(List<CatalogModel> models, String defaultId) {
        this.models = List.copyOf(models);
        this.defaultId = defaultId;
        if (find(defaultId).isEmpty()) {
            throw new IllegalArgumentException("the catalog's default " + defaultId + " is not in it");
        }
    }

    /** The catalog shipped with the product. */
    public static ModelCatalog bundled() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("catalog.json")) {
            if (in == null) {
                throw new IllegalStateException("catalog.json is missing from the build");
            }
            File file = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), File.class);
            return new ModelCatalog(file.models(), file.defaultId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonParseException e) {
            throw new IllegalStateException("catalog.json is malformed: " + e.getMessage(), e);
        }
    }

    public List<CatalogModel> models() {
        return models;
    }

    public CatalogModel defaultModel() {
        return find(defaultId).orElseThrow();
    }

    /** The entry with this id, or whose served names include {@code name}. */
    public Optional<CatalogModel> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (CatalogModel model : models) {
            if (model.id().equalsIgnoreCase(name) || model.servedNames().stream().anyMatch(name::equals)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    private record File(@com.google.gson.annotations.SerializedName("default") String defaultId, List<CatalogModel> models) { }
}
