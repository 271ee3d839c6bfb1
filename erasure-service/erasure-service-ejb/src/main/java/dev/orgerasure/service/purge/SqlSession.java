package dev.orgerasure.service.purge;

import java.util.List;

/**
 * Native SQL in the caller's transaction. Parameters are written {@code ?1}, {@code ?2}, … in the
 * order they are passed.
 */
public interface SqlSession {

  int update(String sql, Object... parameters);

  /** Every row as an array of its columns, even for one column. */
  List<Object[]> query(String sql, Object... parameters);
}
